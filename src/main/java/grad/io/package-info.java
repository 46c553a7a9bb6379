/** Writing files safely: whole or not at all. */
package grad.io;
