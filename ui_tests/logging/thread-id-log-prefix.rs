// PRs #109926 and #116586: a compiler built for parallelism prefixed every `RUSTC_LOG` line with the
// thread id and name, even at one thread, and tests that checked warn output failed (`2:rustcWARN`
// where `WARN` was expected). Fixed: ids only with `MINIRUSTC_LOG_THREAD_IDS=1`. The cycle below
// is logged at `warn` when the query engine recovers from it.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.67.SxeUD7S5ucWN6opi.7699
//@ rustc-env: MINIRUSTC_LOG=warn
//@[injected] compile-flags: -Z inject-bug=thread-id-log-prefix
//@[injected] known-bug: thread-id-log-prefix
type Head = Tail; //[fixed]~ ERROR cycle detected when expanding type alias `Head`
type Tail = Head;

fn main() {}
