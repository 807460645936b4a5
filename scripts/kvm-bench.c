/*
 * kvm-bench: make bench's measure, in a riscv64 KVM guest where there is
 * no Python.  For each QEMU given, started with -machine none -accel kvm
 * and QMP on stdio, the mean round trip of each probing command that the
 * unpatched base also has, as a ratio to query-version on the same QEMU
 * (so machine speed cancels out), and the RSS growth over the run.
 *
 *   kvm-bench ITERATIONS QEMU...
 *
 * KVM_BENCH_ACCEL=tcg tries it where there is no KVM.
 *
 * Prints "bench: QEMU COMMAND mean-us ratio" lines, then "rss: QEMU kB".
 * A benchmark, not a test: it fails only when QEMU does not answer.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const struct {
    const char *name;
    const char *request;
} commands[] = {
    { "query-version", "{\"execute\": \"query-version\"}" },
    { "query-cpu-definitions", "{\"execute\": \"query-cpu-definitions\"}" },
    { "expansion full host",
      "{\"execute\": \"query-cpu-model-expansion\", \"arguments\": "
      "{\"type\": \"full\", \"model\": {\"name\": \"host\"}}}" },
    { "expansion full sifive-u54",
      "{\"execute\": \"query-cpu-model-expansion\", \"arguments\": "
      "{\"type\": \"full\", \"model\": {\"name\": \"sifive-u54\"}}}" },
};

typedef struct {
    pid_t pid;
    FILE *in, *out;
} Qemu;

static void start(Qemu *q, const char *binary)
{
    int to[2], from[2];

    if (pipe(to) || pipe(from)) {
        perror("pipe");
        exit(1);
    }
    q->pid = fork();
    if (q->pid == 0) {
        dup2(to[0], 0);
        dup2(from[1], 1);
        close(to[1]);
        close(from[0]);
        const char *accel = getenv("KVM_BENCH_ACCEL");

        execl(binary, binary, "-machine", "none", "-accel", accel ? accel : "kvm",
              "-nodefaults", "-display", "none", "-qmp", "stdio", NULL);
        perror(binary);
        _exit(127);
    }
    close(to[0]);
    close(from[1]);
    q->in = fdopen(to[1], "w");
    q->out = fdopen(from[0], "r");
}

/* Send @request and read lines up to its reply (events are skipped). */
static void roundtrip(Qemu *q, const char *request)
{
    static char *line;
    static size_t size;

    fprintf(q->in, "%s\n", request);
    fflush(q->in);
    for (;;) {
        if (getline(&line, &size, q->out) < 0) {
            fprintf(stderr, "kvm-bench: QEMU did not answer %s\n", request);
            exit(1);
        }
        if (strstr(line, "\"return\"") || strstr(line, "\"error\"")) {
            return;
        }
    }
}

static double now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static long rss_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    f = fopen(path, "r");
    while (f && fgets(line, sizeof(line), f)) {
        if (!strncmp(line, "VmRSS:", 6)) {
            kb = atol(line + 6);
        }
    }
    if (f) {
        fclose(f);
    }
    return kb;
}

int main(int argc, char **argv)
{
    int iterations = argc > 2 ? atoi(argv[1]) : 0;
    int ncommands = sizeof(commands) / sizeof(commands[0]);

    if (iterations <= 0) {
        fprintf(stderr, "usage: kvm-bench ITERATIONS QEMU...\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    for (int b = 2; b < argc; b++) {
        double version = 0;
        long rss_before;
        Qemu q;
        int status;

        start(&q, argv[b]);
        roundtrip(&q, "{\"execute\": \"qmp_capabilities\"}");
        for (int c = 0; c < ncommands; c++) {
            roundtrip(&q, commands[c].request);     /* warm-up */
        }
        rss_before = rss_kb(q.pid);
        for (int c = 0; c < ncommands; c++) {
            double start_us = now_us(), mean;

            for (int i = 0; i < iterations; i++) {
                roundtrip(&q, commands[c].request);
            }
            mean = (now_us() - start_us) / iterations;
            if (c == 0) {
                version = mean;
            }
            printf("bench: %s %s %.0f us %.1f\n", argv[b], commands[c].name,
                   mean, mean / version);
        }
        printf("rss: %s %+ld kB over the run\n", argv[b],
               rss_kb(q.pid) - rss_before);
        roundtrip(&q, "{\"execute\": \"quit\"}");
        fclose(q.in);
        fclose(q.out);
        waitpid(q.pid, &status, 0);
    }
    return 0;
}
