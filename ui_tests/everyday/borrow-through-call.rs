// Everyday Rust: a reference returned by a function keeps its argument borrowed; tuples coerce
// their elements.
struct Song { title: String, seconds: u32 }
fn longest(v: &Vec<Song>) -> &Song { &v[0] }
fn main() {
    let mut playlist = Vec::new();
    playlist.push(Song { title: String::from("Intro"), seconds: 95 });
    let top = longest(&playlist);
    playlist.push(Song { title: String::from("Bonus"), seconds: 200 }); //~ ERROR cannot borrow `playlist` as mutable
    println!("{} {}", top.title, top.seconds);
    let games: [(&str, &[u32]); 2] = [("gutter", &[0; 20]), ("mixed", &[10, 7, 3])];
    println!("{}", games.len());
}
