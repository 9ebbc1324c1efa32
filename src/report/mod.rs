//! Report formats: pure functions from figures (and later findings) to text.

pub mod figures;
pub mod findings;
