#ifndef CLINUX_H
#define CLINUX_H

/* What Frontline needs of Linux that Swift's Glibc module does not show: a thread's own
 * scheduling niceness. */

/** Sets the calling thread's nice value (0 normal, 19 the lowest priority); returns 0, or
 *  -1 where it could not be set (the thread then keeps its priority). */
int cl_set_thread_niceness(int niceness);

#endif
