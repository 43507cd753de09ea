#include "uccn_team.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void uccn_team_init(uccn_team *team, int64_t parties) {
    memset(team, 0, sizeof(uccn_team));
    team->parties = parties < 1 ? 1 : parties > UCCN_TEAM_MAX_MEMBERS ? UCCN_TEAM_MAX_MEMBERS : parties;
}

static inline void pause_briefly(void) {
#if defined(__SSE2__)
    _mm_pause();
#endif
}

void uccn_team_wait(uccn_team *team) {
    if (team->parties == 1) {
        team->segment[0][0] = 0;
        return;
    }
    int64_t generation = __atomic_load_n(&team->generation, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&team->arrived, 1, __ATOMIC_ACQ_REL) == team->parties) {
        __atomic_store_n(&team->arrived, 0, __ATOMIC_RELAXED);
        for (int64_t m = 0; m < team->parties; m++) __atomic_store_n(&team->segment[m][0], 0, __ATOMIC_RELAXED);
        __atomic_add_fetch(&team->generation, 1, __ATOMIC_RELEASE);
        return;
    }
    unsigned spins = 0;
    while (__atomic_load_n(&team->generation, __ATOMIC_ACQUIRE) == generation) {
        if (spins < 2048) {
            pause_briefly();
            spins += 1;
        } else {
            sched_yield();
        }
    }
}

int64_t uccn_team_claim_near(uccn_team *team, int64_t member, int64_t count, int64_t total, int64_t *end) {
    int64_t parties = team->parties;
    for (int64_t step = 0; step < parties; step++) {
        int64_t m = (member + step) % parties;
        int64_t low = total * m / parties, high = total * (m + 1) / parties;
        int64_t *counter = &team->segment[m][0];
        // An exhausted segment is not claimed from again (its counter only grows).
        if (low + __atomic_load_n(counter, __ATOMIC_RELAXED) >= high) continue;
        int64_t first = low + (parties == 1 ? (*counter += count) - count : __atomic_fetch_add(counter, count, __ATOMIC_RELAXED));
        if (first < high) {
            *end = first + count < high ? first + count : high;
            return first;
        }
    }
    *end = total;
    return total;
}

void uccn_team_request_stop(uccn_team *team) { __atomic_store_n(&team->stop, 1, __ATOMIC_RELAXED); }

int uccn_team_stopping(uccn_team *team) { return __atomic_load_n(&team->stop, __ATOMIC_RELAXED) != 0; }

int64_t uccn_team_members(const uccn_team *team) { return team->parties; }

struct uccn_team_start {
    uccn_team *team;
    void (*body)(void *context, int64_t member);
    void *context;
    int64_t member;
};

static void wait_for_start(uccn_team *team) {
    unsigned spins = 0;
    while (__atomic_load_n(&team->started, __ATOMIC_ACQUIRE) == 0) {
        if (spins < 2048) {
            pause_briefly();
            spins += 1;
        } else {
            sched_yield();
        }
    }
}

static void *run_member(void *argument) {
    struct uccn_team_start *start = argument;
    wait_for_start(start->team);
    start->body(start->context, start->member);
    return NULL;
}

int64_t uccn_team_run(uccn_team *team, void (*body)(void *context, int64_t member), void *context) {
    int64_t wanted = team->parties;
    if (wanted == 1) {
        body(context, 0);
        return 1;
    }
    pthread_t *threads = calloc((size_t)wanted, sizeof(pthread_t));
    struct uccn_team_start *starts = calloc((size_t)wanted, sizeof(struct uccn_team_start));
    int64_t running = 1;
    if (threads != NULL && starts != NULL) {
        for (int64_t m = 1; m < wanted; m++) {
            starts[m] = (struct uccn_team_start){team, body, context, m};
            if (pthread_create(&threads[m], NULL, run_member, &starts[m]) != 0) break;
            running += 1;
        }
    }
    team->parties = running;
    __atomic_store_n(&team->started, 1, __ATOMIC_RELEASE);
    body(context, 0);
    for (int64_t m = 1; m < running; m++) pthread_join(threads[m], NULL);
    free(threads);
    free(starts);
    return running;
}
