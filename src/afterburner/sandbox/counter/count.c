/* Afterburner's instruction counter: a QEMU user-mode TCG plugin (plugin API version 1).
 *
 * Every translated block adds its guest instruction count to a counter, inline (no helper call),
 * or, with `percpu=1`, through a callback into a per-vCPU slot, so threads running in parallel
 * never lose an update. At exit each process writes one line to the report channel, an fd the
 * monitor placed (`fd=N`): "exit PID COUNT". The count is net of what the process inherited at fork,
 * so the lines of a process tree add up to its total.
 *
 * The program runs in the same process as the emulator and can see the channel's fd number. Every
 * system call that could write to it, close it, replace it or copy it, that passes descriptors
 * (sendmsg) or that replaces the program (execve: the new image would run natively, uncounted)
 * writes a "tamper REASON" line first, before the call happens; so does opening a /proc mem file.
 * A forked child reports "spawn PID" through its parent, so a child that ends without its exit line
 * (killed) is seen. Whoever reads the channel trusts a count only without a tamper line and with an
 * exit line for every process. The emulator's memory is the program's memory: code that finds and
 * patches the counter itself is not stopped (as under valgrind); see docs/architecture.md.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define MAX_VCPUS 1024

static uint64_t count;                   /* inline mode: every vCPU adds here */
static uint64_t per_vcpu[MAX_VCPUS];     /* percpu mode: one slot per vCPU (thread) */
static int percpu;
static uint64_t inherited;               /* the count at the moment this process was forked */
static int channel = -1;
static pid_t self;
static int cloning_vm[MAX_VCPUS];        /* a clone with CLONE_VM in flight on this vCPU: a thread */

static uint64_t total(void) {
    if (!percpu) return count;
    uint64_t sum = 0;
    for (int i = 0; i < MAX_VCPUS; i++) sum += per_vcpu[i];
    return sum;
}

static void say(const char *line) {
    size_t left = strlen(line);
    while (left > 0) {
        ssize_t n = write(channel, line, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        line += n;
        left -= (size_t)n;
    }
}

static void tamper(const char *reason) {
    char line[96];
    snprintf(line, sizeof line, "tamper %d %s\n", (int)getpid(), reason);
    say(line);
}

static void on_block_inline(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &count, qemu_plugin_tb_n_insns(tb));
}

static void on_exec_percpu(unsigned int vcpu, void *insns) {
    per_vcpu[vcpu % MAX_VCPUS] += (uint64_t)(uintptr_t)insns;
}

static void on_block_percpu(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
    qemu_plugin_register_vcpu_tb_exec_cb(tb, on_exec_percpu, QEMU_PLUGIN_CB_NO_REGS,
                                         (void *)(uintptr_t)qemu_plugin_tb_n_insns(tb));
}

static int touches(uint64_t fd) { return channel >= 0 && fd == (uint64_t)channel; }

static void on_syscall(qemu_plugin_id_t id, unsigned int vcpu, int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                       uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8) {
    if (num == SYS_clone) cloning_vm[vcpu % MAX_VCPUS] = (a1 & CLONE_VM) != 0;
    switch (num) {
    case SYS_execve:
    case SYS_execveat:
        tamper("exec");
        break;
    case SYS_sendmsg:
    case SYS_sendmmsg:
    case SYS_pidfd_getfd:
        tamper("descriptor-passing");
        break;
    case SYS_write: case SYS_writev: case SYS_pwrite64: case SYS_pwritev: case SYS_pwritev2:
    case SYS_sendto: case SYS_shutdown: case SYS_close: case SYS_dup: case SYS_fcntl:
    case SYS_vmsplice: case SYS_ioctl: case SYS_setsockopt: case SYS_connect: case SYS_sendfile:
        if (touches(a1)) tamper("channel");
        break;
    case SYS_dup2:
    case SYS_dup3:
    case SYS_tee:
        if (touches(a1) || touches(a2)) tamper("channel");
        break;
    case SYS_splice:
    case SYS_copy_file_range:
        if (touches(a1) || touches(a3)) tamper("channel");
        break;
    case SYS_close_range:
        if (channel >= 0 && a1 <= (uint64_t)channel && (uint64_t)channel <= a2) tamper("channel");
        break;
    default:
        break;
    }
}

/* The emulator's memory is reachable through /proc/PID/mem: opening it is tampering. */
static void check_opened(int64_t fd) {
    char link[64], target[256];
    snprintf(link, sizeof link, "/proc/self/fd/%lld", (long long)fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return;
    target[n] = 0;
    if (!strncmp(target, "/proc/", 6) && n >= 4 && !strcmp(target + n - 4, "/mem")) tamper("proc-mem");
}

static void on_syscall_return(qemu_plugin_id_t id, unsigned int vcpu, int64_t num, int64_t ret) {
    if (ret < 0) return;
    if (num == SYS_open || num == SYS_openat || num == SYS_openat2) {
        check_opened(ret);
    } else if (num == SYS_fork || num == SYS_vfork || num == SYS_clone || num == SYS_clone3) {
        pid_t now = getpid();
        if (now != self) { /* the new process: count from here */
            self = now;
            inherited = total();
        } else if (ret > 0 && !(num == SYS_clone && cloning_vm[vcpu % MAX_VCPUS])) { /* a new process, not a thread */
            char line[64];
            snprintf(line, sizeof line, "clone %d %lld\n", (int)self, (long long)ret);
            say(line);
        }
    }
}

static void on_exit_report(qemu_plugin_id_t id, void *unused) {
    char line[96];
    snprintf(line, sizeof line, "exit %d %llu\n", (int)getpid(), (unsigned long long)(total() - inherited));
    say(line);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        if (!strncmp(argv[i], "fd=", 3)) channel = atoi(argv[i] + 3);
        else if (!strcmp(argv[i], "percpu=1")) percpu = 1;
    }
    if (channel < 0 || fcntl(channel, F_SETFD, FD_CLOEXEC) < 0) return 1;
    self = getpid();
    qemu_plugin_register_vcpu_tb_trans_cb(id, percpu ? on_block_percpu : on_block_inline);
    qemu_plugin_register_vcpu_syscall_cb(id, on_syscall);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, on_syscall_return);
    qemu_plugin_register_atexit_cb(id, on_exit_report, NULL);
    char line[32];
    snprintf(line, sizeof line, "start %d\n", (int)self);
    say(line);
    return 0;
}
