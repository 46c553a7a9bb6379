/**
 * Files and text every package shares: writing files safely (whole or not at all), quoting and listing
 * names in messages, and the one form of decimal number grad reads.
 */
package grad.io;
