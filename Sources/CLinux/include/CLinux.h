#ifndef CLINUX_H
#define CLINUX_H

/* What Frontline needs of Linux that Swift's Glibc module does not show: a thread's own
 * scheduling niceness, and its name. */

/** Sets the calling thread's nice value (0 normal, 19 the lowest priority); returns 0, or
 *  -1 where it could not be set (the thread then keeps its priority). */
int cl_set_thread_niceness(int niceness);

/** The calling thread's nice value. */
int cl_thread_niceness(void);
/** Names the calling thread as `top -H`, perf and debuggers show it (the first 15 bytes of
 *  `name`; Foundation's `Thread.name` does not reach the kernel on Linux); returns 0, or an
 *  error number. */
int cl_set_thread_name(const char *name);
#endif
