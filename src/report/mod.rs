//! The report stage: findings as miette diagnostics for people, or as JSON for machines; claims
//! for people who audit the tool.

mod claims;
mod human;
mod json;

pub use claims::{render_claims, render_claims_json};
pub use human::{render_error, render_human, render_problem};
pub use json::render_json;
