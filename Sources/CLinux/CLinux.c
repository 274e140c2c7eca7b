#define _GNU_SOURCE
#include "CLinux.h"
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int cl_set_thread_niceness(int niceness) {
    /* On Linux a thread has a nice value of its own, set through its thread id. */
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), niceness);
}
