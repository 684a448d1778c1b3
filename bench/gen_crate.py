"""Writes a generated library crate for `harness perf`: many modules of structs, traits, impls and
generic functions with bodies to type-check, so that the parallel front-end has work to share.

    python bench/gen_crate.py OUT.rs [--modules N]     (default 250 modules, about 9,000 lines)"""
from __future__ import annotations

import argparse

MODULE = """pub mod m{i} {{
    use std::collections::HashMap;

    #[derive(Debug, Clone, PartialEq)]
    pub struct Item{i}<T> {{ pub id: u64, pub name: String, pub value: T, pub tags: Vec<String> }}

    pub trait Score{i} {{
        fn score(&self) -> u64;
        fn label(&self) -> String {{ format!("score {{}}", self.score()) }}
    }}

    impl<T: Clone + Into<u64>> Score{i} for Item{i}<T> {{
        fn score(&self) -> u64 {{ self.id.wrapping_mul(31) ^ self.value.clone().into() ^ self.tags.len() as u64 }}
    }}

    pub fn build{i}(n: u64) -> Vec<Item{i}<u32>> {{
        (0..n).map(|k| Item{i} {{ id: k, name: format!("item-{{}}-{i}", k), value: (k % 7) as u32,
                                 tags: vec![String::from("a"), format!("{{}}", k * {i})] }}).collect()
    }}

    pub fn index{i}(items: &[Item{i}<u32>]) -> HashMap<String, Vec<u64>> {{
        let mut map: HashMap<String, Vec<u64>> = HashMap::new();
        for it in items.iter().filter(|it| it.score() % 3 != 1) {{
            for t in &it.tags {{
                map.entry(t.clone()).or_default().push(it.id);
            }}
        }}
        map
    }}

    pub fn summary{i}<S: Score{i}>(xs: &[S]) -> (u64, Option<String>) {{
        let total = xs.iter().map(|x| x.score()).fold(0u64, |a, b| a.wrapping_add(b));
        let best = xs.iter().max_by_key(|x| x.score()).map(|x| x.label());
        (total, best)
    }}
}}
"""


def generate(modules: int) -> str:
    parts = ["//! A generated crate for `harness perf` (bench/gen_crate.py).\n"]
    parts += [MODULE.format(i=i) for i in range(modules)]
    calls = "\n".join(f"    t = t.wrapping_add(m{i}::summary{i}(&m{i}::build{i}(4)).0);" for i in range(modules))
    parts.append(f"pub fn run_all() -> u64 {{\n    let mut t = 0u64;\n{calls}\n    t\n}}\n")
    return "\n".join(parts)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--modules", type=int, default=250)
    args = p.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(generate(args.modules))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
