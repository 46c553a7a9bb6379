/**
 * Files and text every package shares: reading a text file (CSV or model file) with one style of
 * message, writing files safely (whole or not at all), quoting and listing names in messages, and the one
 * form of decimal number grad reads.
 */
package grad.io;
