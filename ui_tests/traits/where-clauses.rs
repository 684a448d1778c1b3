//@ check-pass
trait Named {}
trait Tagged {}
struct Item;
impl Named for Item {}
impl Tagged for Item {}

fn both<T>(x: T) where T: Named + Tagged {
    let _ = x;
}

fn forward<T: Named + Tagged>(x: T) {
    both(x);
}

fn main() {
    forward(Item);
}
