// jshell's start-up script for grad (make shell): grad's packages imported, as micrograd's notebook has them.
import grad.engine.*;
import grad.nn.*;
import grad.optim.*;
import grad.tensor.*;
import grad.tensor.nn.*;
import grad.graphviz.TensorDot;
