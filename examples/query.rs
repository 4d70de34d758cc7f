//! Searches the embedded index from the command line and prints the result as JSON.
//!
//! ```text
//! cargo run --release --example query -- [--limit N] [--offset N] QUERY
//! cargo run --release --example query -- --doc ID [QUERY]
//! cargo run --release --example query -- --stats
//! cargo run --release --example query -- [--limit N] --complete TEXT     (completions of what is typed)
//! cargo run --release --example query -- -- -QUERY-STARTING-WITH-DASH
//! ```

use notice_search::{Engine, SearchOptions, EMBEDDED_INDEX};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("query: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<String, String> {
    let mut options = SearchOptions::default();
    let mut doc: Option<String> = None;
    let mut stats = false;
    let mut complete = false;
    let mut words: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} takes a number"))
        };
        match a.as_str() {
            "--limit" => options.limit = number("--limit")?,
            "--offset" => options.offset = number("--offset")?,
            "--doc" => doc = Some(args.next().ok_or("--doc takes a notice id")?),
            "--stats" => stats = true,
            "--complete" => complete = true,
            "--" => {
                words.extend(args.by_ref());
            }
            "-h" | "--help" => {
                return Err("usage: query [--limit N] [--offset N] QUERY | --doc ID [QUERY] | --stats | [--limit N] --complete TEXT".into())
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s} (put a query that starts with - after --)")),
            _ => words.push(a),
        }
    }
    let query = words.join(" ");
    let engine = Engine::new(EMBEDDED_INDEX).map_err(|e| e.to_string())?;
    let json = if stats {
        serde_json::to_string_pretty(&engine.stats())
    } else if complete {
        serde_json::to_string_pretty(&engine.complete(&query, options.limit))
    } else if let Some(id) = doc {
        let view = engine.notice(&id, &query).ok_or_else(|| format!("no notice with id {id:?}"))?;
        serde_json::to_string_pretty(&view)
    } else {
        serde_json::to_string_pretty(&engine.search(&query, options))
    };
    json.map_err(|e| e.to_string())
}
