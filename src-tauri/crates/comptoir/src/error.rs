//! The application's errors. Each message is a sentence for the owner: what happened and what
//! to do about it.

use std::path::PathBuf;

use comptoir_core::message::{Message, code};
use comptoir_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "Comptoir could not create or use the data folder {path}: {source}. Choose a folder you may write to with --data-dir or COMPTOIR_DATA_DIR."
    )]
    DataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "Comptoir could not find a data folder for this user. Choose one with --data-dir or COMPTOIR_DATA_DIR."
    )]
    NoDataDir,
    #[error(
        "Another Comptoir ({holder}) is already receiving orders for the data folder {path}. Close it first, or use another data folder."
    )]
    AlreadyRunning { path: PathBuf, holder: String },
    #[error("Unknown setting \"{key}\". Known settings: {known}.")]
    UnknownKey { key: String, known: String },
    #[error("{key} cannot be \"{value}\": {rule}")]
    InvalidValue {
        key: String,
        value: String,
        /// Why, with its code: the window shows only this part, next to the field.
        rule: Message,
    },
    #[error(
        "The listener could not use {addr}: {reason}. Choose another port with `comptoir config set listener.port PORT`."
    )]
    Listen { addr: String, reason: String },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Ambiguous(String),
    #[error("The test order could not be sent: {0}")]
    TestOrder(String),
    #[error("{0}")]
    Document(String),
    #[error("Comptoir's order intake has stopped; restart Comptoir.")]
    IntakeStopped,
    /// An action of the owner that cannot be done as asked (the window words it in the
    /// owner's language from its code).
    #[error("{}", .0.message)]
    Refused(Message),
}

impl Error {
    /// The sentence with its code and parameters, for the window: a refused setting carries
    /// the code of its reason (the window shows it next to the field, where the key and value
    /// are in sight), while `message` keeps the whole English sentence. Errors without a code
    /// are shown in English.
    pub fn message(&self) -> Message {
        match self {
            Error::InvalidValue { rule, .. } => Message {
                message: self.to_string(),
                ..rule.clone()
            },
            Error::UnknownKey { key, known } => {
                Message::new(&code::SETTING_UNKNOWN_KEY, self.to_string())
                    .with("key", key.as_str())
                    .with("known", known.as_str())
            }
            Error::Refused(m) => m.clone(),
            _ => Message::plain(self.to_string()),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
