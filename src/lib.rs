//! agora
pub mod model;
