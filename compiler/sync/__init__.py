"""Where threads meet (rustc_data_structures::sync, rayon-core and the schedule engine).

| type            | serial (`-Z threads=1`)   | threads (free OS threads)      | controlled (`-Z schedule=`)               |
|-----------------|---------------------------|--------------------------------|-------------------------------------------|
| `Lock`          | no-op                     | `threading.Lock`               | baton-aware; acquire yields, try_lock not |
| `RefCell`       | borrow flag               | borrow flag (races are bugs)   | borrow flag; every borrow yields          |
| `Cell`, atomics | plain value               | plain value / locked add       | every access yields                       |
| `WorkerLocal`   | one value                 | one value per pool worker      | same (a thread's own slot: no yield)      |
| `par_for_each`  | loop with `ParallelGuard` | pool workers take items        | same; claims and thieves' ends yield      |
| blocking waits  | impossible (a bug)        | one condition variable         | `block`/`notify` on the scheduler         |

A `WorkerLocal` used off its pool panics in both parallel modes. Every query start, finish and wait
is a scheduling point too (see `compiler.query`).

Free threads are OS threads. Controlled threads are greenlets of one OS thread, the baton passing by
a greenlet switch; each keeps its own `Runtime.local` and identity (`Runtime.thread_id()`). See
`compiler.sync.scheduler`.
"""
