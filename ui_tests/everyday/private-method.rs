// Everyday Rust: private method.
mod engine {
    pub struct Motor { pub rpm: u32 }

    impl Motor {
        pub fn new() -> Motor { Motor { rpm: 0 } }
        fn overheat(&self) -> bool { self.rpm > 9000 }
    }
}

fn main() {
    let m = engine::Motor::new();
    if m.overheat() { //~ ERROR method `overheat` is private
        println!("hot");
    }
}
