// `deprecated` quotes the attribute's note, and names unit structs as such.
//@ check-pass
#[deprecated(since = "1.2.0", note = "use `new_api` instead")]
fn old_api() -> i32 {
    1
}

fn new_api() -> i32 {
    2
}

#[deprecated]
struct Legacy;

fn main() {
    let _a = old_api(); //~ WARN use of deprecated function `old_api`: use `new_api` instead
    let _b = new_api();
    let _c = Legacy; //~ WARN use of deprecated unit struct `Legacy`
}
