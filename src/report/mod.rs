//! Report formats: pure functions from figures and findings to text, and the CI
//! adoption helpers (baselines, changed lines).

pub mod baseline;
pub mod checkstyle;
pub mod diff_base;
pub mod figures;
pub mod findings;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod junit;
pub mod located;
pub mod rdjson;
pub mod sarif;
pub mod xml;
