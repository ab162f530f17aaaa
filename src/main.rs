//! The `densing` binary: parse flags, start logging, dispatch, map errors to exit codes.

use clap::Parser;
use tracing_subscriber::EnvFilter;

fn main() -> std::process::ExitCode {
    let cli = densing::cli::Cli::parse();
    let filter = EnvFilter::try_from_env("DENSING_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false);
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
