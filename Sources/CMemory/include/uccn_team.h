#ifndef UCCN_TEAM_H
#define UCCN_TEAM_H

#include <stdint.h>

/// The most members a team has.
#define UCCN_TEAM_MAX_MEMBERS 64

/// Threads that work on one computation together, phase by phase: a barrier between
/// phases and shared counters from which the threads claim the pieces of the current
/// phase. The last thread to reach the barrier sets the counters back to 0 before it
/// releases the others, so every phase starts claiming from the start.
///
/// Everything a thread wrote before the barrier is visible to every thread after it
/// (release on arrival, acquire on departure). Waiting spins with the processor's pause
/// hint for about 100 µs, then yields the processor between checks, so a thread that
/// waits for a descheduled partner does not hold a core.
///
/// The arrival count, the generation and each member's claim counter fill their own
/// 64-byte cache line, so claiming pieces does not disturb the other threads; allocate
/// the structure aligned to 64 bytes.
typedef struct uccn_team {
    int64_t arrived;
    int64_t arrived_padding[7];
    int64_t generation;
    int64_t generation_padding[7];
    int64_t parties;
    int64_t stop;
    int64_t started;
    int64_t padding[5];
    /// Pieces claimed from each member's own segment (``uccn_team_claim_near``).
    int64_t segment[UCCN_TEAM_MAX_MEMBERS][8];
} uccn_team;

/// Sets up a team of `parties` threads (1 to ``UCCN_TEAM_MAX_MEMBERS``) before any of them uses it.
void uccn_team_init(uccn_team *team, int64_t parties);

/// Runs `body(context, member)` for every member of the team at the same time, each
/// on its own thread: members 1… on new threads, member 0 on the calling thread (so a
/// barrier never waits for a member that has not started, whatever else runs on the
/// machine). Returns when all have finished. When a thread cannot be created, the team
/// shrinks to the members started so far before any of them begins: the bodies read
/// the count with ``uccn_team_members``. Returns the number of members that ran.
int64_t uccn_team_run(uccn_team *team, void (*body)(void *context, int64_t member), void *context);

/// The number of members (after ``uccn_team_run`` has started them, those running).
int64_t uccn_team_members(const uccn_team *team);

/// Waits until all `parties` threads have called it (a barrier), then returns in each.
void uccn_team_wait(uccn_team *team);

/// Claims up to `count` of the `total` pieces of the current phase, preferring the
/// member's own segment (member `m` of `k`: pieces `total·m/k ..< total·(m+1)/k`, so a
/// member keeps working on neighbouring pieces), then the others' segments. Returns the
/// first piece claimed and sets `*end` past the last; returns `total` when every piece
/// is taken.
int64_t uccn_team_claim_near(uccn_team *team, int64_t member, int64_t count, int64_t total, int64_t *end);

/// Marks the team as stopping (any thread, before a barrier).
void uccn_team_request_stop(uccn_team *team);

/// 1 when a thread has marked the team as stopping, 0 otherwise (read after a barrier,
/// every thread gets the same answer until the next barrier).
int uccn_team_stopping(uccn_team *team);

#endif
