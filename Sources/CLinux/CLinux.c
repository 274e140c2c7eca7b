#define _GNU_SOURCE
#include "CLinux.h"
#include <pthread.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int cl_set_thread_niceness(int niceness) {
    /* On Linux a thread has a nice value of its own, set through its thread id. */
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), niceness);
}

int cl_thread_niceness(void) {
    return getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
}

int cl_set_thread_name(const char *name) {
    /* The kernel keeps 15 bytes and a NUL; a longer name is cut, never refused. */
    char kept[16];
    strncpy(kept, name, sizeof kept - 1);
    kept[sizeof kept - 1] = '\0';
    return pthread_setname_np(pthread_self(), kept);
}
