trait First {}
trait Second {}
struct Only;
impl First for Only {}

fn needs_both<T: First + Second>(x: T) {
    let _ = x;
}

fn main() {
    needs_both(Only); //~ ERROR the trait bound `Only: Second` is not satisfied
}
