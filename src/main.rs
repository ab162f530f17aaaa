//! The `densing` binary: parse flags, start logging, dispatch, map errors to exit codes.

use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::EnvFilter;

fn main() -> std::process::ExitCode {
    let cli = densing::cli::Cli::parse();
    let filter = EnvFilter::try_from_env("DENSING_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Colour only for a person at a terminal: cron mail and log shippers get plain lines.
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(colour);
    match cli.log_format {
        densing::cli::LogFormat::Json => logs.json().init(),
        densing::cli::LogFormat::Text => logs.init(),
    }
    let code = match densing::cli::dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            error.exit_code()
        }
    };
    std::process::ExitCode::from(code as u8)
}
