/**
 * grad: a scalar autograd engine and a command-line tool that trains small networks on 2-D problems and
 * shows how they learn. Data flows one way: {@code cli → train → (data, nn → engine, optim) → plot, graphviz}.
 */
package grad;
