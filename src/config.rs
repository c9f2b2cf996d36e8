//! `crosscheck.toml`: knowledge bases, rule selection and rule parameters. Discovered from the
//! working directory upward; unknown keys and bad values are errors that point into the file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::Params;

pub const FILE_NAME: &str = "crosscheck.toml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    kb: Vec<String>,
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    params: RawParams,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    #[serde(default)]
    disable: Vec<toml::Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawParams {
    same_time_window_days: Option<toml::Spanned<i64>>,
    quote_similarity: Option<toml::Spanned<f64>>,
    quote_min_words: Option<toml::Spanned<i64>>,
}

/// The effective configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from, if anywhere.
    pub path: Option<PathBuf>,
    /// Knowledge-base files, resolved against the configuration's folder.
    pub kb: Vec<PathBuf>,
    pub disabled: Vec<String>,
    pub params: Params,
}

/// A configuration error with its place in the file.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: String,
    pub text: String,
    pub message: String,
    pub span: Option<(usize, usize)>,
}

/// The nearest `crosscheck.toml` from `start` upward.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let p = d.join(FILE_NAME);
        if p.is_file() {
            return Some(p);
        }
        dir = d.parent();
    }
    None
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.clone(),
        text: String::new(),
        message: format!("cannot read the configuration: {e}"),
        span: None,
    })?;
    parse(&shown, &text, path.parent().unwrap_or(Path::new(".")))
}

pub fn parse(shown: &str, text: &str, base: &Path) -> Result<Config, ConfigError> {
    let err = |message: String, span: Option<std::ops::Range<usize>>| ConfigError {
        path: shown.to_string(),
        text: text.to_string(),
        message,
        span: span.map(|r| (r.start, r.end.max(r.start + 1).min(text.len().max(1)))),
    };
    let raw: RawConfig =
        toml::from_str(text).map_err(|e| err(e.message().trim().to_string(), e.span()))?;
    let mut cfg = Config {
        path: Some(PathBuf::from(shown)),
        kb: raw.kb.iter().map(|k| base.join(k)).collect(),
        ..Config::default()
    };
    for d in &raw.rules.disable {
        if crate::rules::find(d.get_ref()).is_none() {
            return Err(err(
                format!("unknown rule `{}` (see `crosscheck rules`)", d.get_ref()),
                Some(d.span()),
            ));
        }
        cfg.disabled.push(d.get_ref().clone());
    }
    if let Some(v) = &raw.params.same_time_window_days {
        if *v.get_ref() < 0 {
            return Err(err(
                "`same-time-window-days` must be 0 or more".into(),
                Some(v.span()),
            ));
        }
        cfg.params.same_time_window_days = *v.get_ref();
    }
    if let Some(v) = &raw.params.quote_similarity {
        let x = *v.get_ref();
        if !(0.0..=1.0).contains(&x) || x == 0.0 {
            return Err(err(
                "`quote-similarity` must be in (0, 1]".into(),
                Some(v.span()),
            ));
        }
        cfg.params.quote_similarity = x;
    }
    if let Some(v) = &raw.params.quote_min_words {
        let x = *v.get_ref();
        if !(3..=1000).contains(&x) {
            return Err(err(
                "`quote-min-words` must be between 3 and 1000".into(),
                Some(v.span()),
            ));
        }
        cfg.params.quote_min_words = x as usize;
    }
    Ok(cfg)
}

impl Config {
    /// The effective configuration as TOML (`crosscheck config`).
    pub fn to_toml(&self) -> String {
        let kb: Vec<String> = self
            .kb
            .iter()
            .map(|p| format!("{:?}", p.to_string_lossy()))
            .collect();
        let disabled: Vec<String> = self.disabled.iter().map(|d| format!("{d:?}")).collect();
        format!(
            "# from: {}\nkb = [{}]\n\n[rules]\ndisable = [{}]\n\n[params]\nsame-time-window-days = {}\nquote-similarity = {}\nquote-min-words = {}\n",
            self.path
                .as_ref()
                .map_or("defaults".to_string(), |p| p.to_string_lossy().to_string()),
            kb.join(", "),
            disabled.join(", "),
            self.params.same_time_window_days,
            self.params.quote_similarity,
            self.params.quote_min_words
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_point_into_the_file() {
        let e = parse("c.toml", "kb = []\nfrobnicate = 1\n", Path::new(".")).unwrap_err();
        assert!(e.message.contains("frobnicate"), "{}", e.message);
        let (s, _) = e.span.unwrap();
        assert_eq!(&"kb = []\nfrobnicate = 1\n"[s..s + 10], "frobnicate");
    }

    #[test]
    fn bad_values_point_at_the_value() {
        let text = "[params]\nquote-similarity = 3.0\n";
        let e = parse("c.toml", text, Path::new(".")).unwrap_err();
        let (s, _) = e.span.unwrap();
        assert!(text[s..].starts_with("3.0"));
    }

    #[test]
    fn unknown_rules_are_errors() {
        let e = parse("c.toml", "[rules]\ndisable = [\"nope\"]\n", Path::new(".")).unwrap_err();
        assert!(e.message.contains("unknown rule `nope`"));
    }
}
