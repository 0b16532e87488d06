/*
 * afterburner-monitor: start one sandboxed command and measure it.
 *
 * Why C: the memory-time integral needs >= 10 kHz sampling with real timestamps, and a
 * Python thread tops out near 6 kHz. This helper forks the command (which first joins its
 * per-run cgroups, sets backstop rlimits and drops to an unprivileged uid), then samples the
 * cgroup's memory usage on absolute deadlines while draining stdout/stderr, enforcing CPU,
 * wall and output limits, and prints one JSON object describing the run on its own stdout.
 * Python owns the cgroups (creation, limits, peak read-out, removal); this file only runs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_LIST 16
#define NS_PER_S 1000000000LL
#define AUX_LIMIT (4LL << 20)

struct options {
    const char *join[MAX_LIST];
    int njoin;
    int keep_fd[MAX_LIST];
    int nkeep;
    const char *mem_file, *cpu_file, *procs_file, *kill_file, *log_file;
    const char *stdin_file, *stdout_file, *stderr_file, *aux_file;
    int cpu_v2, perf, uid, gid, ready_fd, aux_fd, no_aslr, parent;
    long hz;
    long long cpu_limit_ns, wall_limit_ns, output_limit;
    long long rl_cpu, rl_fsize, rl_nofile;
    const char *monitor_cpus;
    char **argv;
};

struct stream {
    int fd, out;
    long long bytes;
};

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * NS_PER_S + ts.tv_nsec;
}

static long long tv_ns(struct timeval tv) { return tv.tv_sec * NS_PER_S + tv.tv_usec * 1000LL; }

static void die(const char *what) {
    printf("{\"ok\": false, \"error\": \"%s: %s\"}\n", what, strerror(errno));
    exit(3);
}

/* Read a small integer file with pread on a held fd: no open/close per sample. */
static long long read_number(int fd, const char *key) {
    char buf[512];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return -1;
    buf[n] = 0;
    if (!key) return strtoll(buf, NULL, 10);
    char *at = strstr(buf, key);
    return at ? strtoll(at + strlen(key), NULL, 10) : -1;
}

static long long cpu_usage_ns(int fd, int v2) {
    if (fd < 0) return -1;
    if (!v2) return read_number(fd, NULL);
    long long usec = read_number(fd, "usage_usec ");
    return usec < 0 ? -1 : usec * 1000;
}

static void write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, text, strlen(text)) < 0) _exit(120);
    close(fd);
}

/* Kill everything in the run's cgroup; the pid namespace teardown does the rest. */
static void kill_all(const struct options *o, pid_t child) {
    kill(child, SIGKILL);
    if (o->kill_file) {
        int fd = open(o->kill_file, O_WRONLY | O_CLOEXEC);
        if (fd >= 0) { (void)!write(fd, "1", 1); close(fd); }
    }
    if (!o->procs_file) return;
    FILE *f = fopen(o->procs_file, "re");
    if (!f) return;
    long pid;
    while (fscanf(f, "%ld", &pid) == 1) kill((pid_t)pid, SIGKILL);
    fclose(f);
}

static void set_limit(int resource, long long value) {
    if (value < 0) return;
    struct rlimit rl = {(rlim_t)value, (rlim_t)value};
    setrlimit(resource, &rl);
}

static int is_kept(const struct options *o, int fd) {
    for (int i = 0; i < o->nkeep; i++)
        if (o->keep_fd[i] == fd) return 1;
    return 0;
}

/* In the forked child: join cgroups, set backstops, drop privileges, exec. */
/* Place fd `from` at number `to` in the child (both may be any numbers >= 3). */
static int high(int fd) {
    if (fd < 0) return fd;
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, 64);
    close(fd);
    return moved;
}

static void start_child(const struct options *o, int go_fd, int err_fd, int out_w, int errw, int aux_w,
                        int ready_w) {
    char pid_text[32];
    snprintf(pid_text, sizeof pid_text, "%d", getpid());
    for (int i = 0; i < o->njoin; i++) write_file(o->join[i], pid_text);
    if (go_fd >= 0) { char c; (void)!read(go_fd, &c, 1); close(go_fd); }
    set_limit(RLIMIT_CORE, 0);
    set_limit(RLIMIT_CPU, o->rl_cpu);
    set_limit(RLIMIT_FSIZE, o->rl_fsize);
    int in = open(o->stdin_file ? o->stdin_file : "/dev/null", O_RDONLY);
    if (in < 0 || dup2(in, 0) < 0 || dup2(out_w, 1) < 0 || dup2(errw, 2) < 0) goto fail;
    /* aux_fd: the tool log (valgrind's, a socket high in the range valgrind keeps from the program);
       ready_fd: bubblewrap's info pipe. Move ours out of the way first. */
    err_fd = high(err_fd);
    aux_w = high(aux_w);
    ready_w = high(ready_w);
    if (aux_w >= 0 && dup2(aux_w, o->aux_fd) < 0) goto fail;
    if (ready_w >= 0 && dup2(ready_w, o->ready_fd) < 0) goto fail;
    for (int fd = 3; fd < 1024; fd++) {
        int placed = (aux_w >= 0 && fd == o->aux_fd) || (ready_w >= 0 && fd == o->ready_fd);
        if (fd != err_fd && !placed && !is_kept(o, fd)) close(fd);
    }
    /* Last: fds were placed above it (the aux fd sits just under it, where valgrind reserves). */
    set_limit(RLIMIT_NOFILE, o->rl_nofile);
    if (o->gid >= 0 && (setgroups(0, NULL) < 0 || setgid((gid_t)o->gid) < 0)) goto fail;
    if (o->uid >= 0 && setuid((uid_t)o->uid) < 0) goto fail;
    /* Exact counts: the same addresses every run (inherited through bubblewrap's exec, which is not setuid). */
    if (o->no_aslr && personality(ADDR_NO_RANDOMIZE) < 0) goto fail;
    execvp(o->argv[0], o->argv);
fail:;
    int e = errno;
    (void)!write(err_fd, &e, sizeof e);
    _exit(127);
}

static int open_perf_counter(pid_t child) {
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_HARDWARE;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.enable_on_exec = 1;
    attr.inherit = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    return (int)syscall(SYS_perf_event_open, &attr, child, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

/* Move whatever is readable from a pipe to its capture file, up to the output limit. */
static int drain(struct stream *s, long long *total, long long limit) {
    char buf[65536];
    ssize_t n = read(s->fd, buf, sizeof buf);
    if (n <= 0) {
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 0;
        close(s->fd);
        s->fd = -1;
        return 0;
    }
    long long room = limit - *total;
    long long keep = n < room ? n : (room > 0 ? room : 0);
    if (keep > 0 && s->out >= 0) (void)!write(s->out, buf, (size_t)keep);
    s->bytes += n;
    *total += n;
    return *total > limit;
}

static void set_monitor_affinity(const char *list) {
    if (!list || !*list) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    char *copy = strdup(list), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
        CPU_SET(atoi(tok), &set);
    free(copy);
    sched_setaffinity(0, sizeof set, &set);
}

static int open_capture(const char *path) {
    if (!path) return -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) die("open capture file");
    return fd;
}

static void parse(int argc, char **argv, struct options *o) {
    memset(o, 0, sizeof *o);
    o->hz = 10000;
    o->uid = o->gid = -1;
    o->aux_fd = 3;
    o->cpu_limit_ns = o->wall_limit_ns = o->output_limit = -1;
    o->rl_cpu = o->rl_fsize = o->rl_nofile = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--")) { o->argv = argv + i + 1; break; }
        if (!v) { errno = EINVAL; die(a); }
        i++;
        if (!strcmp(a, "--join") && o->njoin < MAX_LIST) o->join[o->njoin++] = v;
        else if (!strcmp(a, "--keep-fd") && o->nkeep < MAX_LIST) o->keep_fd[o->nkeep++] = atoi(v);
        else if (!strcmp(a, "--mem-file")) o->mem_file = v;
        else if (!strcmp(a, "--cpu-file")) o->cpu_file = v;
        else if (!strcmp(a, "--cpu-format")) o->cpu_v2 = !strcmp(v, "v2");
        else if (!strcmp(a, "--procs-file")) o->procs_file = v;
        else if (!strcmp(a, "--kill-file")) o->kill_file = v;
        else if (!strcmp(a, "--log")) o->log_file = v;
        else if (!strcmp(a, "--stdin")) o->stdin_file = v;
        else if (!strcmp(a, "--stdout")) o->stdout_file = v;
        else if (!strcmp(a, "--stderr")) o->stderr_file = v;
        else if (!strcmp(a, "--aux")) o->aux_file = v;
        else if (!strcmp(a, "--aux-fd")) o->aux_fd = atoi(v);
        else if (!strcmp(a, "--ready-fd")) o->ready_fd = atoi(v);
        else if (!strcmp(a, "--perf")) o->perf = atoi(v);
        else if (!strcmp(a, "--no-aslr")) o->no_aslr = atoi(v);
        else if (!strcmp(a, "--uid")) o->uid = atoi(v);
        else if (!strcmp(a, "--gid")) o->gid = atoi(v);
        else if (!strcmp(a, "--hz")) o->hz = atol(v);
        else if (!strcmp(a, "--parent")) o->parent = atoi(v);
        else if (!strcmp(a, "--cpu-limit-ns")) o->cpu_limit_ns = atoll(v);
        else if (!strcmp(a, "--wall-limit-ns")) o->wall_limit_ns = atoll(v);
        else if (!strcmp(a, "--output-limit")) o->output_limit = atoll(v);
        else if (!strcmp(a, "--rlimit-cpu")) o->rl_cpu = atoll(v);
        else if (!strcmp(a, "--rlimit-fsize")) o->rl_fsize = atoll(v);
        else if (!strcmp(a, "--rlimit-nofile")) o->rl_nofile = atoll(v);
        else if (!strcmp(a, "--monitor-cpus")) o->monitor_cpus = v;
        else { errno = EINVAL; die(a); }
    }
    if (!o->argv || !o->argv[0] || o->hz <= 0) { errno = EINVAL; die("usage: afterburner-monitor [options] -- argv"); }
}

int main(int argc, char **argv) {
    struct options o;
    parse(argc, argv, &o);
    prctl(PR_SET_TIMERSLACK, 1UL);
    /* Orphans of the run (e.g. bubblewrap's pid-1 stub) come to us, not to the host's init. */
    prctl(PR_SET_CHILD_SUBREAPER, 1UL);
    /* A judge worker killed mid-run takes its run with it (bubblewrap dies with us in turn);
       a parent gone before this line leaves us adopted: give up at once. The spawner names
       itself (--parent): one that died between its fork and our first getppid() is caught too. */
    pid_t parent = o.parent > 0 ? (pid_t)o.parent : getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(125);
    signal(SIGPIPE, SIG_IGN);

    int mem_fd = o.mem_file ? open(o.mem_file, O_RDONLY | O_CLOEXEC) : -1;
    int cpu_fd = o.cpu_file ? open(o.cpu_file, O_RDONLY | O_CLOEXEC) : -1;
    if ((o.mem_file && mem_fd < 0) || (o.cpu_file && cpu_fd < 0)) die("open cgroup file");
    FILE *log = o.log_file ? fopen(o.log_file, "we") : NULL;
    int outp[2], errp[2], execp[2], gop[2] = {-1, -1}, auxp[2] = {-1, -1}, readyp[2] = {-1, -1};
    if (pipe2(outp, O_CLOEXEC) || pipe2(errp, O_CLOEXEC) || pipe2(execp, O_CLOEXEC)) die("pipe");
    if (o.perf && pipe2(gop, O_CLOEXEC)) die("pipe");
    /* A socket, not a pipe: a socket cannot be reopened through /proc/self/fd. */
    if (o.aux_file && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, auxp)) die("socketpair");
    if (o.ready_fd > 2 && pipe2(readyp, O_CLOEXEC)) die("pipe");
    struct stream streams[4] = {{outp[0], open_capture(o.stdout_file), 0},
                                {errp[0], open_capture(o.stderr_file), 0},
                                {auxp[0], open_capture(o.aux_file), 0},
                                {readyp[0], -1, 0}};

    long long t_start = now_ns();
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) start_child(&o, gop[0], execp[1], outp[1], errp[1], auxp[1], readyp[1]);
    close(outp[1]); close(errp[1]); close(execp[1]);
    if (auxp[1] >= 0) close(auxp[1]);
    if (readyp[1] >= 0) close(readyp[1]);
    set_monitor_affinity(o.monitor_cpus);

    long long instructions = -1;
    int perf_errno = 0, perf_fd = -1;
    if (o.perf) {
        perf_fd = open_perf_counter(child);
        if (perf_fd < 0) perf_errno = errno;
        close(gop[0]);
        (void)!write(gop[1], "g", 1);
        close(gop[1]);
    }
    int exec_errno = 0;
    if (read(execp[0], &exec_errno, sizeof exec_errno) != (ssize_t)sizeof exec_errno) exec_errno = 0;
    close(execp[0]);
    for (int i = 0; i < 4; i++)
        if (streams[i].fd >= 0) fcntl(streams[i].fd, F_SETFL, O_NONBLOCK);

    const long long period = NS_PER_S / o.hz;
    long long next = now_ns(), first_t = -1, last_t = -1, last_mem = 0, samples = 0, max_gap = 0;
    long long peak_sampled = 0, output_total = 0, aux_total = 0, cpu_ns = -1, exit_t = 0;
    long long ready_t = -1, ready_cpu = 0;
    struct rusage child_usage;
    memset(&child_usage, 0, sizeof child_usage);
    long double integral = 0; /* byte * ns */
    const char *killed_by = "none";
    int status = 0, exited = 0;
    long long output_limit = o.output_limit < 0 ? (1LL << 62) : o.output_limit;

    while (!exited) {
        /* Service the pipes until the next absolute sampling deadline. */
        for (;;) {
            long long wait = next - now_ns();
            if (wait <= 0) break;
            struct pollfd pfd[4];
            int n = 0;
            for (int i = 0; i < 4; i++)
                if (streams[i].fd >= 0) pfd[n++] = (struct pollfd){streams[i].fd, POLLIN, 0};
            struct timespec ts = {wait / NS_PER_S, wait % NS_PER_S};
            if (n == 0) { clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL); break; }
            if (ppoll(pfd, (nfds_t)n, &ts, NULL) <= 0) continue;
            if (streams[3].fd >= 0) {
                long long before = streams[3].bytes;
                drain(&streams[3], &aux_total, AUX_LIMIT);
                if (streams[3].bytes > before && ready_t < 0) {
                    /* The sandbox exists: from here on, time and memory are the program's own. */
                    ready_t = now_ns();
                    ready_cpu = cpu_usage_ns(cpu_fd, o.cpu_v2);
                    integral = 0; samples = 0; first_t = last_t = -1; max_gap = 0; peak_sampled = 0;
                }
            }
            for (int i = 0; i < 3; i++)
                if (streams[i].fd >= 0 && drain(&streams[i], i == 2 ? &aux_total : &output_total,
                                                i == 2 ? AUX_LIMIT : output_limit) && i < 2 &&
                    !strcmp(killed_by, "none")) {
                    killed_by = "output";
                    kill_all(&o, child);
                }
        }
        long long t = now_ns();
        if (mem_fd >= 0) {
            long long mem = read_number(mem_fd, NULL);
            if (mem >= 0) {
                if (last_t >= 0) {
                    integral += (long double)(mem + last_mem) / 2 * (long double)(t - last_t);
                    if (t - last_t > max_gap) max_gap = t - last_t;
                }
                if (first_t < 0) first_t = t;
                if (mem > peak_sampled) peak_sampled = mem;
                if (log) fprintf(log, "%lld %lld\n", t - t_start, mem);
                last_t = t; last_mem = mem; samples++;
            }
        }
        next += period;
        if (next < t) next = t + period; /* we fell behind: never burst to catch up */
        if (wait4(child, &status, WNOHANG, &child_usage) == child) { exited = 1; exit_t = now_ns(); break; }
        if (samples % 8 == 0 || mem_fd < 0) {
            cpu_ns = cpu_usage_ns(cpu_fd, o.cpu_v2);
            if (o.cpu_limit_ns >= 0 && cpu_ns > o.cpu_limit_ns && !strcmp(killed_by, "none")) {
                killed_by = "cpu";
                kill_all(&o, child);
            }
        }
        /* The wall clock runs from the program's start (or ours, if the sandbox never reports). */
        if (o.wall_limit_ns >= 0 && t - (ready_t >= 0 ? ready_t : t_start) > o.wall_limit_ns &&
            !strcmp(killed_by, "none")) {
            killed_by = "wall";
            kill_all(&o, child);
        }
    }
    /* The command is gone: end its leftovers, then drain what they wrote, briefly. */
    kill_all(&o, child);
    long long drain_until = now_ns() + NS_PER_S / 2;
    /* A run so short (or a monitor so delayed) that the ready report is still unread: the sandbox
     * did start, but the program's clock cannot be separated from set-up; keep the full span. */
    int ready = ready_t >= 0;
    if (streams[3].fd >= 0) {
        long long before = streams[3].bytes;
        drain(&streams[3], &aux_total, AUX_LIMIT);
        ready = ready || streams[3].bytes > before;
        if (streams[3].fd >= 0) close(streams[3].fd);
    }
    for (int open_pipes = 3; open_pipes && now_ns() < drain_until;) {
        open_pipes = 0;
        for (int i = 0; i < 3; i++) {
            if (streams[i].fd < 0) continue;
            struct pollfd pfd = {streams[i].fd, POLLIN, 0};
            if (poll(&pfd, 1, 50) > 0)
                drain(&streams[i], i == 2 ? &aux_total : &output_total, i == 2 ? AUX_LIMIT : output_limit);
            open_pipes += streams[i].fd >= 0;
        }
    }
    if (output_total > output_limit && !strcmp(killed_by, "none")) killed_by = "output";
    /* Reap every orphan we adopted, so no zombie outlives the run. */
    for (long long until = now_ns() + 2 * NS_PER_S; now_ns() < until;) {
        pid_t reaped = waitpid(-1, NULL, WNOHANG);
        if (reaped < 0) break; /* ECHILD: nothing left */
        if (reaped == 0) { kill_all(&o, child); usleep(1000); }
    }
    long long final_cpu = cpu_usage_ns(cpu_fd, o.cpu_v2);
    if (final_cpu >= 0) cpu_ns = final_cpu;
    if (perf_fd >= 0 && read(perf_fd, &instructions, sizeof instructions) != sizeof instructions)
        instructions = -1;
    struct rusage self;
    getrusage(RUSAGE_SELF, &self);
    long long monitor_cpu = tv_ns(self.ru_utime) + tv_ns(self.ru_stime);
    if (log) fclose(log);
    printf("{\"ok\": true, \"exec_errno\": %d, \"exited\": %s, \"exit_code\": %d, \"signal\": %d, "
           "\"wall_ns\": %lld, \"cpu_ns\": %lld, \"samples\": %lld, \"sample_span_ns\": %lld, "
           "\"max_gap_ns\": %lld, \"integral_byte_ns\": %.6Le, \"peak_sampled\": %lld, "
           "\"killed_by\": \"%s\", \"stdout_bytes\": %lld, \"stderr_bytes\": %lld, "
           "\"monitor_cpu_ns\": %lld, \"instructions\": %lld, \"perf_errno\": %d, "
           "\"child_cpu_ns\": %lld, \"child_maxrss_kb\": %ld, \"ready\": %s, \"setup_ns\": %lld, "
           "\"setup_cpu_ns\": %lld}\n",
           exec_errno, WIFEXITED(status) ? "true" : "false",
           WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? WTERMSIG(status) : 0,
           exit_t - (ready_t >= 0 ? ready_t : t_start), cpu_ns >= 0 ? cpu_ns - ready_cpu : -1, samples, samples ? last_t - first_t : 0, max_gap,
           integral, peak_sampled, killed_by, streams[0].bytes, streams[1].bytes, monitor_cpu,
           instructions, perf_errno, tv_ns(child_usage.ru_utime) + tv_ns(child_usage.ru_stime),
           child_usage.ru_maxrss, ready ? "true" : "false", ready_t >= 0 ? ready_t - t_start : 0,
           ready_cpu > 0 ? ready_cpu : 0);
    return 0;
}
