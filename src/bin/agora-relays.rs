//! The build with the shared discussion: the same entry points as
//! `src/main.rs`, compiled with `--features relays`. A second binary, so
//! that readers of pages without relays never download the relay layer.

include!("../entry_points.rs");
