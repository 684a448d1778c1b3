"""`minirustc --explain EXXXX`: a short explanation, in our own words, of each error code minirustc
emits. rustc's full texts live in its `rustc_error_codes`; run `rustc --explain EXXXX` for those."""
from __future__ import annotations

import re

EXPLANATIONS = {
    "E0499": "A place is borrowed mutably twice while the first mutable borrow is still in use.",
    "E0502": "A place is borrowed mutably while a shared borrow of it is still in use, or the other way "
             "round; end the first borrow's use before the second borrow.",
    "E0503": "A place is read while a mutable borrow of it is still in use.",
    "E0505": "A value is moved out while a borrow of it is still in use; move it after the last use of the "
             "borrow, or clone it.",
    "E0506": "A place is assigned while a borrow of it is still in use.",
    "E0515": "A function returns a reference to one of its own local variables, which is dropped when it "
             "returns; return the owned value instead.",
    "E0317": "An `if` without `else` is used where a value other than `()` is expected.",
    "E0600": "A unary operator is applied to a type that does not support it (`-` on an unsigned integer).",
    "E0507": "A non-`Copy` value is moved out of an index of a vector or array; borrow it or clone it.",
    "E0381": "A variable declared without a value is read on a path where it has not been assigned.",
    "E0624": "A private method or associated function is called from outside the module that can see it.",
    "E0571": "`break` with a value is used inside a `while` or `for` loop, where only `loop` can produce one.",
    "E0106": "A reference in a struct field or return type has no lifetime, and elision cannot supply one.",
    "E0053": "A trait impl's method has a parameter or return type that differs from the trait's declaration.",
    "E0015": "A constant or static calls a function that is not `const fn`.",
    "E0004": "A `match` does not cover every value of the matched type; add the missing patterns or a "
             "wildcard arm.",
    "E0023": "A tuple-struct or tuple-variant pattern has a different number of fields than the definition.",
    "E0026": "A struct pattern names a field the struct or variant does not have.",
    "E0027": "A struct pattern leaves out fields without `..`.",
    "E0046": "A trait impl leaves out a trait method that has no default body.",
    "E0061": "A function or method was called with the wrong number of arguments.",
    "E0063": "A struct literal leaves out one or more of the struct's fields.",
    "E0072": "A type contains itself by value, so it would have infinite size. Put the recursive field "
             "behind a pointer (`Box`, `&`, `Rc`) to break the cycle.",
    "E0080": "The evaluation of a constant or static failed: a division by zero, a remainder with a divisor "
             "of zero, or an arithmetic overflow in the item's type.",
    "E0107": "A type is written with the wrong number of generic arguments.",
    "E0133": "An unsafe operation (such as using a `static mut`) is done outside an `unsafe` block.",
    "E0268": "A `break` or `continue` is used outside of a loop.",
    "E0275": "Trait selection needed more nested obligations than the recursion limit allows; this is "
             "usually an impl whose where-clause requires the impl itself for a larger type.",
    "E0204": "`Copy` is derived or implemented for a type with a field that is not `Copy`.",
    "E0277": "A type does not implement a trait that a bound requires.",
    "E0282": "The type of an expression cannot be inferred; add a type annotation.",
    "E0308": "An expression's type is not the type its context expects.",
    "E0368": "A compound assignment operator (`+=`, ...) is applied to a type that does not implement it.",
    "E0369": "A binary operator is used on a type that does not implement it.",
    "E0382": "A variable is used after its value was moved out of it; clone it, or borrow instead of moving.",
    "E0384": "An immutable variable is assigned twice; declare it with `let mut`.",
    "E0391": "A query needs its own result: a cycle, for example type aliases or constants that refer to "
             "each other.",
    "E0405": "A trait name was used that is not in scope.",
    "E0407": "A trait impl defines a method that the trait does not declare.",
    "E0422": "A struct literal names a struct that is not in scope.",
    "E0425": "A name (a value or a type) is used that is not in scope.",
    "E0426": "A `break` or `continue` names a loop label that is not declared.",
    "E0428": "Two items of the same name are defined in the same namespace of one module.",
    "E0432": "A `use` names a path that does not resolve.",
    "E0433": "A path's leading segments do not resolve to a module or type.",
    "E0451": "A struct literal or pattern names a private field of a struct defined in another module.",
    "E0453": "An `allow` or `warn` tries to lower a lint that an earlier `forbid` (in an attribute or on the "
             "command line with `-F`) has fixed.",
    "E0531": "A pattern names a tuple struct or tuple variant that is not in scope.",
    "E0532": "A tuple-struct pattern names something that is not a tuple struct or tuple variant.",
    "E0533": "A unit pattern names something that is not a unit struct, unit variant or constant.",
    "E0559": "An enum variant's struct literal names a field the variant does not have.",
    "E0560": "A struct literal names a field the struct does not have.",
    "E0583": "A `mod name;` declaration has no file `name.rs` or `name/mod.rs`.",
    "E0594": "A place that is not mutable is assigned to.",
    "E0596": "A variable that is not declared `mut` is borrowed mutably.",
    "E0599": "A method is called that the receiver's type does not have, neither inherent nor from a trait "
             "in scope.",
    "E0601": "A binary crate has no `main` function.",
    "E0602": "A lint named on the command line (`-A`, `-W`, `-D`, `-F`) does not exist.",
    "E0603": "A private item is used from outside the module that can see it; mark it `pub`.",
    "E0604": "Only `u8` can be cast to `char` with `as`.",
    "E0605": "An `as` cast between types that `as` cannot convert.",
    "E0606": "An `as` cast between primitive types that is not allowed.",
    "E0608": "A value of a type that cannot be indexed is indexed.",
    "E0609": "A field is accessed that the type does not have.",
    "E0614": "A value that is not a reference is dereferenced.",
    "E0616": "A private field is accessed from outside the module that can see it.",
    "E0618": "Something that is not a function is called.",
    "E0689": "A method is called on a number whose type is not yet known; annotate the type.",
    "E0782": "A trait is used where a type is expected (a trait object needs `dyn`).",
    "E0758": "A multi-line comment is not terminated.",
    "E0762": "A character literal is not terminated.",
    "E0765": "A string literal is not terminated.",
    "E0769": "A tuple-struct pattern is used for a struct variant or struct with named fields.",
}


def explain(code: str) -> str:
    from compiler.session import UsageError
    if not re.fullmatch(r"E\d{4}", code):
        raise UsageError(f"{code} is not a valid error code")
    text = EXPLANATIONS.get(code)
    if text is None:
        raise UsageError(f"minirustc does not emit {code}, so it has no explanation for it; "
                         f"see `rustc --explain {code}`")
    return f"{code}: {text}\n\nThis is minirustc's short explanation; `rustc --explain {code}` gives rustc's.\n"
