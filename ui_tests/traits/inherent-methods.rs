//@ check-pass
struct Counter { value: i32 }

impl Counter {
    fn new() -> Counter { Counter { value: 0 } }
    fn get(&self) -> i32 { self.value }
    fn add(&mut self, n: i32) { self.value = self.value + n; }
    fn doubled(self) -> Self { Counter { value: self.value * 2 } }
}

struct Wrapper<T>(T);

impl<T> Wrapper<T> {
    fn inner(self) -> T { self.0 }
}

fn main() {
    let mut c = Counter::new();
    c.add(3);
    let _v = c.get() + c.doubled().get();
    let w = Wrapper(5u8);
    let _x: u8 = w.inner();
}
