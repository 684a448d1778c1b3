// `dead_code` for methods no live code calls (grouped per impl) and fields never read.
//@ check-pass
struct Counter {
    value: u32,
    label: u8, //~ WARN field `label` is never read
}

impl Counter {
    fn get(&self) -> u32 {
        self.value
    }

    fn reset(&self) -> Counter { //~ WARN method `reset` is never used
        Counter { value: 0, label: 0 }
    }
}

fn helper() -> u32 { //~ WARN function `helper` is never used
    7
}

fn main() {
    let c = Counter { value: 3, label: 1 };
    let _v = c.get();
}
