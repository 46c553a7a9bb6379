/**
 * Training: a run's plan, the trainer, and the listeners that act on what it reports.
 *
 * <p>A {@link grad.train.TrainingPlan} (data, model — new or loaded —, optimizer, outputs), resolved once
 * by the command line, goes to {@link grad.train.TrainingRun}, which prepares the data, builds the network
 * and its optimizer, and drives the {@link grad.train.Trainer}: minibatch SGD, one sample's forward and
 * backward pass at a time (on several threads when the network is big enough), with divergence checks.
 * Each epoch, and the end of the run, goes to {@code EpochListener}s — the console log, the metrics file,
 * the pictures, the graph dumps, the saved model, the report page — which decide what to write.
 */
package grad.train;
