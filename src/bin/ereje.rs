//! The `ereje` command line.

fn main() {}
