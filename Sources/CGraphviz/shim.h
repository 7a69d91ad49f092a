#ifndef ENTITYGRAPH_CGRAPHVIZ_SHIM_H
#define ENTITYGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

// Small wrappers for what Swift cannot call cleanly: read-only `char *` parameters (imported as
// mutable pointers), the mutable `Agdirected` global, and macros. Nothing here holds state.

/// `agget` with a read-only attribute name; NULL when the attribute is not declared.
static inline const char *eg_agget(void *object, const char *name) {
  return agget(object, (char *)name);
}

/// Sets a graph attribute, declaring it with an empty default when needed.
static inline int eg_set_graph_attribute(Agraph_t *graph, const char *name, const char *value) {
  return agsafeset(graph, (char *)name, (char *)value, "");
}

/// `agnameof` for a node, read-only.
static inline const char *eg_agnameof(void *object) {
  return agnameof(object);
}

/// `gvPluginList` without the unused string argument; free the result with `eg_free_plugin_list`.
static inline char **eg_plugin_list(GVC_t *gvc, const char *kind, int *count) {
  return gvPluginList(gvc, kind, count, NULL);
}

/// Frees a list returned by `eg_plugin_list` (each string, then the array).
static inline void eg_free_plugin_list(char **list, int count) {
  if (list == NULL) return;
  for (int i = 0; i < count; i++) free(list[i]);
  free(list);
}

/// Whether `name` is declared for objects of `kind` (AGRAPH, AGNODE, AGEDGE) in `graph`.
static inline int eg_has_attribute(Agraph_t *graph, int kind, const char *name) {
  return agattr(graph, kind, (char *)name, NULL) != NULL;
}

// MARK: - Layout in a child process (time budgets)
//
// `gvLayout` cannot be cancelled, so a render with a time budget runs layout + render in a forked
// child that the caller can kill. The child runs only the C code below: after `fork()` in a
// multi-threaded process only async-signal-safe work is strictly safe, and the Swift runtime may
// hold locks taken by other threads, so no Swift code runs in the child. glibc's `fork` keeps
// `malloc` usable in the child; the caller warms up the plugins (dlopen) in the parent first, and
// it kills the child at the deadline whatever happens, so a stuck child costs only the budget.

static int eg_child_message_fd = -1;

#if defined(__linux__)
extern int pipe2(int pipefd[2], int flags);
#endif

/// A pipe whose ends are closed on `exec`, so processes spawned by other threads do not keep it
/// open (atomically where the system has `pipe2`).
static inline int eg_pipe_cloexec(int fds[2]) {
#if defined(__linux__)
  return pipe2(fds, O_CLOEXEC);
#else
  if (pipe(fds) != 0) return -1;
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  return 0;
#endif
}

static inline int eg_write_all(int fd, const char *bytes, size_t count) {
  while (count > 0) {
    ssize_t written = write(fd, bytes, count);
    if (written < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    bytes += written;
    count -= (size_t)written;
  }
  return 0;
}

static inline int eg_child_error_function(char *message) {
  if (message != NULL && eg_child_message_fd >= 0) {
    eg_write_all(eg_child_message_fd, message, strlen(message));
  }
  return 0;
}

/// Exit statuses of the child started by `eg_fork_layout_render`.
enum {
  EG_CHILD_OK = 0,
  EG_CHILD_LAYOUT_FAILED = 3,
  EG_CHILD_RENDER_FAILED = 4,
  EG_CHILD_WRITE_FAILED = 5,
  /// The parent was gone before the child could arrange to die with it.
  EG_CHILD_ORPHANED = 6
};

/// Restores the default action of `signal` (ignored signals are inherited across `fork`).
static inline void eg_default_signal(int signal) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal, &action, NULL);
}

/// Makes the calling (child) process end on its own: when `parent` dies (Linux), and after
/// `budget_ms` of wall-clock time (SIGALRM) or of CPU time (RLIMIT_CPU: SIGXCPU, then SIGKILL a
/// second later). Only async-signal-safe calls. Returns 0, or -1 when the parent is already gone.
static inline int eg_child_bind_lifetime(pid_t parent, long budget_ms) {
#if defined(__linux__)
  // Dies with the thread that forked it. The parent may have died between `fork` and `prctl`;
  // then this process was already re-parented and the signal will never come.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) return -1;
#else
  (void)parent;
#endif
  if (budget_ms > 0) {
    eg_default_signal(SIGALRM);
    eg_default_signal(SIGXCPU);
    struct itimerval timer;
    memset(&timer, 0, sizeof timer);
    timer.it_value.tv_sec = budget_ms / 1000;
    timer.it_value.tv_usec = (budget_ms % 1000) * 1000;
    setitimer(ITIMER_REAL, &timer, NULL);
    struct rlimit cpu;
    cpu.rlim_cur = (rlim_t)(budget_ms / 1000 + 1);
    cpu.rlim_max = cpu.rlim_cur + 1;
    setrlimit(RLIMIT_CPU, &cpu);
  }
  return 0;
}

/// Forks; the child lays out `graph` with `engine` once, renders each of the `format_count` formats
/// from that one layout, writes each result to `data_fd` as an 8-byte length (native byte order)
/// followed by the bytes, messages to `message_fd`, and exits with one of the statuses above.
///
/// The child cannot outlive the caller or its budget: it is killed when the parent dies (Linux,
/// `PR_SET_PDEATHSIG`, with a `getppid` check for a parent that died during the fork) and it kills
/// itself after `budget_ms` milliseconds (SIGALRM), or `budget_ms` of CPU time, rounded up to a
/// second (SIGXCPU), even when the parent is stopped and cannot kill it. `budget_ms` ≤ 0: no limit.
/// Returns the child's pid in the parent, or -1 (errno set) when fork fails.
static inline pid_t eg_fork_layout_render(
    GVC_t *gvc, Agraph_t *graph, const char *engine, const char *const *formats, int format_count,
    int data_fd, int message_fd, int parent_data_fd, int parent_message_fd, long budget_ms) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  if (eg_child_bind_lifetime(parent, budget_ms) != 0) _exit(EG_CHILD_ORPHANED);
  close(parent_data_fd);
  close(parent_message_fd);
  eg_child_message_fd = message_fd;
  agseterrf(eg_child_error_function);
  if (gvLayout(gvc, graph, engine) != 0) _exit(EG_CHILD_LAYOUT_FAILED);
  for (int i = 0; i < format_count; i++) {
    char *result = NULL;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, formats[i], &result, &length) != 0) _exit(EG_CHILD_RENDER_FAILED);
    unsigned long long header = (unsigned long long)length;
    if (eg_write_all(data_fd, (const char *)&header, sizeof header) != 0) _exit(EG_CHILD_WRITE_FAILED);
    if (eg_write_all(data_fd, result, length) != 0) _exit(EG_CHILD_WRITE_FAILED);
    gvFreeRenderData(result);
  }
  _exit(EG_CHILD_OK);
}
#endif
