<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AddHelpDeskDialog</name>
    <message>
        <source>Add a help desk</source>
        <translation>Aggiungi uno sportello</translation>
    </message>
    <message>
        <source>Help desk name</source>
        <translation>Nome dello sportello</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Comune</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>&amp;Comune:</translation>
    </message>
    <message>
        <source>&amp;Add help desk</source>
        <translation>&amp;Aggiungi sportello</translation>
    </message>
    <message>
        <source>Enter the name of the help desk.</source>
        <translation>Inserisci il nome dello sportello.</translation>
    </message>
</context>
<context>
    <name>AddOperatorDialog</name>
    <message>
        <source>Add an operator</source>
        <translation>Aggiungi un’operatrice</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>(all help desks)</source>
        <translation>(tutti gli sportelli)</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nome e cognome:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Ruolo:</translation>
    </message>
    <message>
        <source>&amp;Help desk:</source>
        <translation>&amp;Sportello:</translation>
    </message>
    <message>
        <source>Tell her the password in person; she can change it after her first login.</source>
        <translation>Comunica la password di persona; potrà cambiarla dopo il primo accesso.</translation>
    </message>
    <message>
        <source>&amp;Add operator</source>
        <translation>&amp;Aggiungi operatrice</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Inserisci un nome utente.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Amministrazione</translation>
    </message>
    <message>
        <source>&amp;Operators</source>
        <translation>&amp;Operatrici</translation>
    </message>
    <message>
        <source>&amp;Help desks</source>
        <translation>&amp;Sportelli</translation>
    </message>
    <message>
        <source>&amp;Security and settings</source>
        <translation>Si&amp;curezza e impostazioni</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <source>First administrator</source>
        <translation>Prima amministratrice</translation>
    </message>
    <message>
        <source>She manages accounts, help desks and settings. Other operators are added later.</source>
        <translation>Gestisce account, sportelli e impostazioni. Le altre operatrici si aggiungono in seguito.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>e.g. mrossi</source>
        <translation>es. mrossi</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nome e cognome:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>C&amp;rea</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Quick &amp;hide</source>
        <translation>Nascondi &amp;subito</translation>
    </message>
    <message>
        <source>Blank the window at once and lock (Ctrl+Shift+H)</source>
        <translation>Svuota subito la finestra e blocca (Ctrl+Maiusc+H)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Blocca</translation>
    </message>
    <message>
        <source>Lock Ascolto now (Ctrl+L)</source>
        <translation>Blocca Ascolto adesso (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <source>Welcome to Ascolto</source>
        <translation>Benvenuta in Ascolto</translation>
    </message>
    <message>
        <source>Case records stay encrypted on this computer. First, describe the centre and its first help desk.</source>
        <translation>Le schede dei casi restano cifrate su questo computer. Per iniziare, indica il centro e il suo primo sportello.</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>Nome del centro</translation>
    </message>
    <message>
        <source>e.g. Centro antiviolenza Rete Donne</source>
        <translation>es. Centro antiviolenza Rete Donne</translation>
    </message>
    <message>
        <source>Centre code</source>
        <translation>Codice del centro</translation>
    </message>
    <message>
        <source>e.g. BG</source>
        <translation>es. BG</translation>
    </message>
    <message>
        <source>First help desk</source>
        <translation>Primo sportello</translation>
    </message>
    <message>
        <source>e.g. Sportello Bergamo centro</source>
        <translation>es. Sportello Bergamo centro</translation>
    </message>
    <message>
        <source>2 to 6 letters, used at the start of every case code (BG-2026-0042).</source>
        <translation>Da 2 a 6 lettere, all’inizio di ogni codice caso (BG-2026-0042).</translation>
    </message>
    <message>
        <source>&amp;Centre name:</source>
        <translation>Nome del &amp;centro:</translation>
    </message>
    <message>
        <source>Centre c&amp;ode:</source>
        <translation>C&amp;odice del centro:</translation>
    </message>
    <message>
        <source>First &amp;help desk:</source>
        <translation>Primo &amp;sportello:</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Cambia la tua password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Password attuale</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Password &amp;attuale:</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>&amp;Cambia password</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Inserisci la password attuale.</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>La tua password è stata cambiata.</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <source>Creating the encrypted database</source>
        <translation>Creazione dell’archivio cifrato</translation>
    </message>
    <message>
        <source>This takes a few seconds.</source>
        <translation>Ci vuole qualche secondo.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Errore imprevisto</translation>
    </message>
    <message>
        <source>Something went wrong and the last action was not completed. Nothing was half-saved. If it happens again, note what you were doing and tell your administrator.</source>
        <translation>Qualcosa non ha funzionato e l’ultima operazione non è stata completata. Nulla è stato salvato a metà. Se succede di nuovo, annota cosa stavi facendo e avvisa l’amministratrice.</translation>
    </message>
    <message>
        <source>Technical detail: {kind}</source>
        <translation>Dettaglio tecnico: {kind}</translation>
    </message>
</context>
<context>
    <name>ErrorPage</name>
    <message>
        <source>Ascolto cannot open its data</source>
        <translation>Ascolto non riesce ad aprire i suoi dati</translation>
    </message>
    <message>
        <source>Close Ascolto, solve the problem (or ask your administrator) and start it again.</source>
        <translation>Chiudi Ascolto, risolvi il problema (o chiedi all’amministratrice) e riavvialo.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A help desk needs a name (at most 200 characters).</source>
        <translation>Uno sportello deve avere un nome (al massimo 200 caratteri).</translation>
    </message>
    <message>
        <source>A help desk named {name} already exists.</source>
        <translation>Esiste già uno sportello chiamato {name}.</translation>
    </message>
    <message>
        <source>Unknown role {role}.</source>
        <translation>Ruolo sconosciuto: {role}.</translation>
    </message>
    <message>
        <source>An operatrice must belong to a help desk.</source>
        <translation>Un’operatrice deve appartenere a uno sportello.</translation>
    </message>
    <message>
        <source>No such help desk.</source>
        <translation>Sportello inesistente.</translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation>Il nome utente {name} è già in uso.</translation>
    </message>
    <message>
        <source>The key file could not be written: {reason}</source>
        <translation>Non è stato possibile scrivere il file delle chiavi: {reason}</translation>
    </message>
    <message>
        <source>You cannot revoke your own account.</source>
        <translation>Non puoi revocare il tuo stesso account.</translation>
    </message>
    <message>
        <source>This account is already revoked.</source>
        <translation>Questo account è già revocato.</translation>
    </message>
    <message>
        <source>There is no account named {name}.</source>
        <translation>Non esiste un account chiamato {name}.</translation>
    </message>
    <message>
        <source>No such case.</source>
        <translation>Caso inesistente.</translation>
    </message>
    <message>
        <source>This case belongs to another help desk: you cannot open or change it.</source>
        <translation>Questo caso appartiene a un altro sportello: non puoi aprirlo né modificarlo.</translation>
    </message>
    <message>
        <source>This case was closed on {day}: record only what happened until then.</source>
        <translation>Questo caso è stato chiuso il {day}: registra solo ciò che è avvenuto fino a quella data.</translation>
    </message>
    <message>
        <source>She withdrew her consent to processing: nothing more can be recorded in this case.</source>
        <translation>Ha revocato il consenso al trattamento: in questo caso non si può registrare altro.</translation>
    </message>
    <message>
        <source>Choose a help desk.</source>
        <translation>Scegli uno sportello.</translation>
    </message>
    <message>
        <source>You can record only for your own help desk.</source>
        <translation>Puoi registrare solo per il tuo sportello.</translation>
    </message>
    <message>
        <source>Enter at least her first name or last name (a nickname will do).</source>
        <translation>Inserisci almeno il nome o il cognome (va bene anche un soprannome).</translation>
    </message>
    <message>
        <source>Not a date ({field}).</source>
        <translation>Non è una data ({field}).</translation>
    </message>
    <message>
        <source>There cannot be more minor children than children.</source>
        <translation>I figli minorenni non possono essere più dei figli.</translation>
    </message>
    <message>
        <source>This number cannot exceed the number of minor children ({field}).</source>
        <translation>Questo numero non può superare quello dei figli minorenni ({field}).</translation>
    </message>
    <message>
        <source>A case can be opened only with her consent to processing. Without it, record an anonymous contact.</source>
        <translation>Un caso si apre solo con il suo consenso al trattamento. Senza consenso, registra un contatto anonimo.</translation>
    </message>
    <message>
        <source>This case already has a pathway.</source>
        <translation>Questo caso ha già un percorso.</translation>
    </message>
    <message>
        <source>Agree a pathway with her first.</source>
        <translation>Prima concorda con lei un percorso.</translation>
    </message>
    <message>
        <source>No such goal.</source>
        <translation>Obiettivo inesistente.</translation>
    </message>
    <message>
        <source>She has not consented to sharing her data with this service. Record her consent first, or make the referral without sharing data.</source>
        <translation>Non ha acconsentito a condividere i suoi dati con questo servizio. Registra prima il consenso, oppure fai l’invio senza condividere dati.</translation>
    </message>
    <message>
        <source>No such referral.</source>
        <translation>Invio inesistente.</translation>
    </message>
    <message>
        <source>This case is closed.</source>
        <translation>Questo caso è chiuso.</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a valid choice ({field}).</source>
        <translation>&apos;{code}&apos; non è una scelta valida ({field}).</translation>
    </message>
    <message>
        <source>A case cannot be closed before it was opened.</source>
        <translation>Un caso non può essere chiuso prima della data di apertura.</translation>
    </message>
    <message>
        <source>A case cannot be closed before its pathway was agreed.</source>
        <translation>Un caso non può essere chiuso prima che il percorso sia stato concordato.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nome utente o password errati.</translation>
    </message>
    <message>
        <source>Too many failed attempts for this account. Wait {seconds} seconds and try again.</source>
        <translation>Troppi tentativi falliti per questo account. Attendi {seconds} secondi e riprova.</translation>
    </message>
    <message>
        <source>The workspace is locked. Unlock it to continue.</source>
        <translation>Ascolto è bloccato. Sbloccalo per continuare.</translation>
    </message>
    <message>
        <source>The date is required ({field}).</source>
        <translation>La data è obbligatoria ({field}).</translation>
    </message>
    <message>
        <source>The date cannot be in the future ({field}).</source>
        <translation>La data non può essere nel futuro ({field}).</translation>
    </message>
    <message>
        <source>The date is implausibly old ({field}).</source>
        <translation>La data è troppo lontana nel passato per essere plausibile ({field}).</translation>
    </message>
    <message>
        <source>The date is implausible ({field}).</source>
        <translation>La data non è plausibile ({field}).</translation>
    </message>
    <message>
        <source>This date cannot come before the case was opened ({field}).</source>
        <translation>Questa data non può precedere l’apertura del caso ({field}).</translation>
    </message>
    <message>
        <source>Minutes must be a whole number from {low} to {high}.</source>
        <translation>I minuti devono essere un numero intero da {low} a {high}.</translation>
    </message>
    <message>
        <source>The year of birth must be between {low} and {high}.</source>
        <translation>L’anno di nascita deve essere compreso tra {low} e {high}.</translation>
    </message>
    <message>
        <source>Enter a number from 0 to {maximum} ({field}).</source>
        <translation>Inserisci un numero da 0 a {maximum} ({field}).</translation>
    </message>
    <message>
        <source>Unknown or repeated choice ({field}).</source>
        <translation>Scelta sconosciuta o ripetuta ({field}).</translation>
    </message>
    <message>
        <source>Not text ({field}).</source>
        <translation>Non è un testo ({field}).</translation>
    </message>
    <message>
        <source>Too long: at most {maximum} characters ({field}).</source>
        <translation>Troppo lungo: al massimo {maximum} caratteri ({field}).</translation>
    </message>
    <message>
        <source>Invalid characters ({field}).</source>
        <translation>Caratteri non validi ({field}).</translation>
    </message>
    <message>
        <source>Use at least 15 characters. A few unrelated words are easy to remember and hard to guess, for example: &apos;lampada fiume gatto neve&apos;. No symbols or digits are required.</source>
        <translation>Usa almeno 15 caratteri. Alcune parole senza legame tra loro sono facili da ricordare e difficili da indovinare, per esempio: &apos;lampada fiume gatto neve&apos;. Non servono simboli né numeri.</translation>
    </message>
    <message>
        <source>The database file is missing from the data folder {folder}.</source>
        <translation>Nella cartella dati {folder} manca il file dell’archivio.</translation>
    </message>
    <message>
        <source>The database file in {folder} is empty. Restore it from a backup.</source>
        <translation>Il file dell’archivio in {folder} è vuoto. Ripristinalo da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>The file in {folder} is an unencrypted SQLite file, not an Ascolto database. It was not opened.</source>
        <translation>Il file in {folder} è un file SQLite non cifrato, non un archivio di Ascolto. Non è stato aperto.</translation>
    </message>
    <message>
        <source>The database file in {folder} is truncated or damaged. Restore it from a backup.</source>
        <translation>Il file dell’archivio in {folder} è troncato o danneggiato. Ripristinalo da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>The database file in {folder} is damaged or does not belong to these key slots. It was left untouched; restore it from a backup.</source>
        <translation>Il file dell’archivio in {folder} è danneggiato o non corrisponde a queste chiavi. Non è stato toccato; ripristinalo da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>The database file in {folder} cannot be read.</source>
        <translation>Il file dell’archivio in {folder} non è leggibile.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Ascolto. Install the newer version to open it.</source>
        <translation>Questo archivio è stato scritto da una versione più recente di Ascolto. Installa la versione più recente per aprirlo.</translation>
    </message>
    <message>
        <source>The data folder {folder} already holds a database.</source>
        <translation>La cartella dati {folder} contiene già un archivio.</translation>
    </message>
    <message>
        <source>The database in {folder} is damaged: part of it cannot be read. Nothing was changed; restore the latest backup.</source>
        <translation>L’archivio in {folder} è danneggiato: una parte non è leggibile. Non è stato modificato nulla; ripristina la copia di sicurezza più recente.</translation>
    </message>
    <message>
        <source>The data folder {folder} is on a network share ({detail}). Ascolto keeps its encrypted database on a local disk only: network file systems do not lock and flush reliably, and the database could be damaged. Choose a folder on this PC. An administrator who accepts the risk can set {env}=1.</source>
        <translation>La cartella dati {folder} si trova in una cartella di rete condivisa ({detail}). Ascolto conserva il suo archivio cifrato solo su un disco locale: i file system di rete non garantiscono in modo affidabile il blocco dei file e la scrittura completa dei dati, e l’archivio potrebbe danneggiarsi. Scegli una cartella su questo PC. Un’amministratrice che accetta il rischio può impostare {env}=1.</translation>
    </message>
    <message>
        <source>The data folder {folder} is inside a folder kept in sync with the cloud ({detail}). The encrypted database and its keys would be copied to other servers and could be damaged by the sync. Choose a folder on this PC outside OneDrive, Dropbox, Google Drive and the like. An administrator who accepts the risk can set {env}=1.</source>
        <translation>La cartella dati {folder} si trova in una cartella sincronizzata con il cloud ({detail}). L’archivio cifrato e le sue chiavi verrebbero copiati su server esterni e la sincronizzazione potrebbe danneggiarli. Scegli una cartella su questo PC, fuori da OneDrive, Dropbox, Google Drive e servizi simili. Un’amministratrice che accetta il rischio può impostare {env}=1.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Non è possibile aprire l’archivio.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {minimum} characters.</source>
        <translation>La password è troppo corta: usa almeno {minimum} caratteri.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>La password è troppo lunga.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>La password non può essere uguale al nome utente.</translation>
    </message>
    <message>
        <source>A user name has 1 to 64 characters: letters without accents, digits, dot, dash or underscore.</source>
        <translation>Un nome utente ha da 1 a 64 caratteri: lettere senza accenti, cifre, punto, trattino o trattino basso.</translation>
    </message>
    <message>
        <source>No Ascolto data folder at {folder}. Set one up first.</source>
        <translation>In {folder} non c’è una cartella dati di Ascolto. Prima configurane una.</translation>
    </message>
    <message>
        <source>The key file of {folder} is missing or damaged; the database cannot be unlocked without it. Restore keyslots.json from a backup.</source>
        <translation>Il file delle chiavi di {folder} manca o è danneggiato; senza di esso l’archivio non si può sbloccare. Ripristina keyslots.json da una copia di sicurezza.</translation>
    </message>
    <message>
        <source>Cannot create the data folder {folder}: {reason}</source>
        <translation>Impossibile creare la cartella dati {folder}: {reason}</translation>
    </message>
    <message>
        <source>Ascolto is already running with the data folder {folder}. Close it first.</source>
        <translation>Ascolto è già aperto con la cartella dati {folder}. Chiudilo prima.</translation>
    </message>
    <message>
        <source>The data folder {folder} is not writable: {reason}</source>
        <translation>Non è possibile scrivere nella cartella dati {folder}: {reason}</translation>
    </message>
    <message>
        <source>The centre and the help desk need a name.</source>
        <translation>Il centro e lo sportello devono avere un nome.</translation>
    </message>
    <message>
        <source>The centre code is 2 to 6 letters, for example BG.</source>
        <translation>Il codice del centro ha da 2 a 6 lettere, per esempio BG.</translation>
    </message>
    <message>
        <source>The workspace is closed.</source>
        <translation>L’archivio è chiuso.</translation>
    </message>
    <message>
        <source>This recovery key has a typing mistake: check each group of four characters.</source>
        <translation>Questa chiave di recupero contiene un errore di battitura: controlla ogni gruppo di quattro caratteri.</translation>
    </message>
    <message>
        <source>This recovery key does not open this data folder.</source>
        <translation>Questa chiave di recupero non apre questa cartella dati.</translation>
    </message>
    <message>
        <source>There is no active account named {name}.</source>
        <translation>Non esiste un account attivo chiamato {name}.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Il tuo ruolo non consente questa operazione.</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>La copia di sicurezza {path} non esiste.</translation>
    </message>
    <message>
        <source>{path} is not an Ascolto backup file.</source>
        <translation>{path} non è una copia di sicurezza di Ascolto.</translation>
    </message>
    <message>
        <source>The backup file {path} is damaged ({detail}) and was not used. Nothing was changed.</source>
        <translation>La copia di sicurezza {path} è danneggiata ({detail}) e non è stata usata. Non è cambiato nulla.</translation>
    </message>
    <message>
        <source>The backup file {path} cannot be decrypted and was not used. Nothing was changed.</source>
        <translation>La copia di sicurezza {path} non si può decifrare e non è stata usata. Non è cambiato nulla.</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>Non è stato possibile scrivere la copia di sicurezza in {path}: {reason}</translation>
    </message>
    <message>
        <source>Enter a number of days from 1 to 365.</source>
        <translation>Inserisci un numero di giorni da 1 a 365.</translation>
    </message>
    <message>
        <source>These credentials do not open the backup. Use a password that was valid when the backup was made, or the recovery key of that time.</source>
        <translation>Queste credenziali non aprono la copia di sicurezza. Usa una password valida al momento della copia, o la chiave di recupero di allora.</translation>
    </message>
    <message>
        <source>The threshold must be a whole number from {low} to 50 (the law&apos;s floor is 3).</source>
        <translation>La soglia deve essere un numero intero da {low} a 50 (il minimo di legge è 3).</translation>
    </message>
    <message>
        <source>No help desk named {name}.</source>
        <translation>Nessuno sportello chiamato {name}.</translation>
    </message>
    <message>
        <source>Aggregates overlapping this period were already released on {day} for a different set of help desks. Releasing both would let one be subtracted from the other: choose the same help desks as then, or help desks with no overlap.</source>
        <translation>Dati aggregati che si sovrappongono a questo periodo sono già stati diffusi il {day} per un altro insieme di sportelli. Diffonderli entrambi permetterebbe di sottrarre gli uni dagli altri: scegli gli stessi sportelli di allora, o sportelli senza sovrapposizioni.</translation>
    </message>
    <message>
        <source>The file could not be written to {path}: {reason}</source>
        <translation>Non è stato possibile scrivere il file in {path}: {reason}</translation>
    </message>
    <message>
        <source>The package {name} was refused: {reason}</source>
        <translation>Il pacchetto {name} è stato rifiutato: {reason}</translation>
    </message>
    <message>
        <source>The signing key of {centre} is not trusted yet (fingerprint {fingerprint}).</source>
        <translation>La chiave di firma di {centre} non è ancora considerata affidabile (impronta {fingerprint}).</translation>
    </message>
    <message>
        <source>Choose at least one package.</source>
        <translation>Scegli almeno un pacchetto.</translation>
    </message>
    <message>
        <source>The packages cannot be merged: {reason}</source>
        <translation>Non è possibile unire i pacchetti: {reason}</translation>
    </message>
    <message>
        <source>Closed case files are kept from 1 to 50 years after closure.</source>
        <translation>Le schede dei casi chiusi si conservano da 1 a 50 anni dopo la chiusura.</translation>
    </message>
    <message>
        <source>Contact-only records are kept from 1 to 120 months.</source>
        <translation>I contatti senza presa in carico si conservano da 1 a 120 mesi.</translation>
    </message>
    <message>
        <source>Audit events are kept from 1 to 50 years.</source>
        <translation>Gli eventi del registro di controllo si conservano da 1 a 50 anni.</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>Scegli sì o no.</translation>
    </message>
    <message>
        <source>This plan is a preview for a future date and cannot be applied.</source>
        <translation>Questo piano è un’anteprima per una data futura e non si può applicare.</translation>
    </message>
    <message>
        <source>The retention settings changed: review what is due again.</source>
        <translation>Le impostazioni di conservazione sono cambiate: controlla di nuovo cosa è in scadenza.</translation>
    </message>
</context>
<context>
    <name>FailedAttemptsBanner</name>
    <message>
        <source>1 failed login attempt on your account since your last login. If it was not you, tell your administrator.</source>
        <translation>1 tentativo di accesso fallito sul tuo account dall’ultimo accesso. Se non eri tu, avvisa l’amministratrice.</translation>
    </message>
    <message>
        <source>{count} failed login attempts on your account since your last login. If it was not you, tell your administrator.</source>
        <translation>{count} tentativi di accesso falliti sul tuo account dall’ultimo accesso. Se non eri tu, avvisa l’amministratrice.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Chiudi l’avviso</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>access channel</source>
        <translation>canale di accesso</translation>
    </message>
    <message>
        <source>address</source>
        <translation>indirizzo</translation>
    </message>
    <message>
        <source>date the pathway was agreed</source>
        <translation>data in cui è stato concordato il percorso</translation>
    </message>
    <message>
        <source>area</source>
        <translation>area dell’obiettivo</translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation>destinataria della prestazione</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>data di nascita</translation>
    </message>
    <message>
        <source>year of birth</source>
        <translation>anno di nascita</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>centro</translation>
    </message>
    <message>
        <source>number of children</source>
        <translation>numero di figli</translation>
    </message>
    <message>
        <source>closing date</source>
        <translation>data di chiusura</translation>
    </message>
    <message>
        <source>centre code</source>
        <translation>codice del centro</translation>
    </message>
    <message>
        <source>living with</source>
        <translation>convivenza</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consenso</translation>
    </message>
    <message>
        <source>date of consent</source>
        <translation>data del consenso</translation>
    </message>
    <message>
        <source>country of citizenship</source>
        <translation>paese di cittadinanza</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descrizione</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destinazione dell’invio</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>scadenza</translation>
    </message>
    <message>
        <source>education</source>
        <translation>titolo di studio</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>employment</source>
        <translation>condizione professionale</translation>
    </message>
    <message>
        <source>first contact mode</source>
        <translation>modalità del primo contatto</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>children</source>
        <translation>figli</translation>
    </message>
    <message>
        <source>help desk</source>
        <translation>sportello</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>cognome</translation>
    </message>
    <message>
        <source>risk level</source>
        <translation>livello di rischio</translation>
    </message>
    <message>
        <source>marital status</source>
        <translation>stato civile</translation>
    </message>
    <message>
        <source>protective measures obtained</source>
        <translation>misure di protezione ottenute</translation>
    </message>
    <message>
        <source>protective measures requested</source>
        <translation>misure di protezione richieste</translation>
    </message>
    <message>
        <source>number of minor children</source>
        <translation>numero di figli minorenni</translation>
    </message>
    <message>
        <source>minors who suffered violence</source>
        <translation>minori che hanno subito violenza</translation>
    </message>
    <message>
        <source>minors who witnessed violence</source>
        <translation>minori che hanno assistito alla violenza</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuti</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modalità</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>note</translation>
    </message>
    <message>
        <source>privacy notice version</source>
        <translation>versione dell’informativa</translation>
    </message>
    <message>
        <source>opening date</source>
        <translation>data di apertura</translation>
    </message>
    <message>
        <source>operator role</source>
        <translation>figura professionale</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>esito</translation>
    </message>
    <message>
        <source>network service</source>
        <translation>servizio della rete</translation>
    </message>
    <message>
        <source>network services</source>
        <translation>servizi della rete</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefono</translation>
    </message>
    <message>
        <source>report to the authorities</source>
        <translation>denuncia</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo del contatto</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>chiave di recupero</translation>
    </message>
    <message>
        <source>relationship with the perpetrator</source>
        <translation>relazione con l’autore della violenza</translation>
    </message>
    <message>
        <source>role</source>
        <translation>ruolo</translation>
    </message>
    <message>
        <source>safe contact channel</source>
        <translation>canale di contatto sicuro</translation>
    </message>
    <message>
        <source>safe contact notes</source>
        <translation>note sul contatto sicuro</translation>
    </message>
    <message>
        <source>safe contact times</source>
        <translation>orari di contatto sicuri</translation>
    </message>
    <message>
        <source>consent scope</source>
        <translation>ambito del consenso</translation>
    </message>
    <message>
        <source>service</source>
        <translation>prestazione</translation>
    </message>
    <message>
        <source>data sharing</source>
        <translation>condivisione dei dati</translation>
    </message>
    <message>
        <source>status</source>
        <translation>stato</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>codice fiscale</translation>
    </message>
    <message>
        <source>assessment tool</source>
        <translation>strumento di valutazione</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nome utente</translation>
    </message>
    <message>
        <source>duration of the violence</source>
        <translation>durata della violenza</translation>
    </message>
    <message>
        <source>forms of violence</source>
        <translation>forme di violenza</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>HelpDesksTab</name>
    <message>
        <source>Help desks</source>
        <translation>Sportelli</translation>
    </message>
    <message>
        <source>&amp;Add help desk…</source>
        <translation>&amp;Aggiungi sportello…</translation>
    </message>
    <message>
        <source>{desk} (closed)</source>
        <translation>{desk} (chiuso)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Sezioni</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Prese in carico</translation>
    </message>
    <message>
        <source>The case list comes with the case records: search by code or name, filters by status.</source>
        <translation>L’elenco delle prese in carico arriverà con le schede dei casi: ricerca per codice o per nome, filtri per stato.</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Primo contatto</translation>
    </message>
    <message>
        <source>Anonymous first contacts (calls, visits) will be counted here, without personal data.</source>
        <translation>Qui si conteranno i primi contatti anonimi (telefonate, accessi), senza dati personali.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Indicators for a period and help desk, with disclosure control, PDF and signed export.</source>
        <translation>Indicatori per periodo e sportello, con tutela della riservatezza, PDF ed esportazione firmata.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Amministrazione</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambia &amp;password…</translation>
    </message>
    <message>
        <source>User menu</source>
        <translation>Menu utente</translation>
    </message>
    <message>
        <source>all help desks</source>
        <translation>tutti gli sportelli</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Ascolto</source>
        <translation>Ascolto</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Please wait…</source>
        <translation>Attendere…</translation>
    </message>
    <message>
        <source>Ascolto</source>
        <translation>Ascolto</translation>
    </message>
</context>
<context>
    <name>OperatorsTab</name>
    <message>
        <source>Operators</source>
        <translation>Operatrici</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attiva</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Ultimo accesso</translation>
    </message>
    <message>
        <source>&amp;Add operator…</source>
        <translation>&amp;Aggiungi operatrice…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Reimposta &amp;password…</translation>
    </message>
    <message>
        <source>Re&amp;voke access…</source>
        <translation>Re&amp;voca accesso…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocata</translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation>Revoca accesso</translation>
    </message>
    <message>
        <source>Revoke the access of {name} ({username})?</source>
        <translation>Revocare l’accesso di {name} ({username})?</translation>
    </message>
    <message>
        <source>Her password will stop working at once. The data key of the database is then replaced (everything is re-encrypted), so a copy of the old key opens nothing new. This can take a little while; other operators keep their passwords.</source>
        <translation>La sua password smetterà subito di funzionare. Poi la chiave dei dati dell’archivio viene sostituita (tutto viene cifrato di nuovo), così una copia della vecchia chiave non apre nulla di nuovo. Può richiedere un po’ di tempo; le altre operatrici mantengono le loro password.</translation>
    </message>
    <message>
        <source>Revoking access and replacing the data key…</source>
        <translation>Revoca dell’accesso e sostituzione della chiave dei dati…</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Too short: {count} of at least {minimum} characters</source>
        <translation>Troppo corta: {count} caratteri su almeno {minimum}</translation>
    </message>
    <message>
        <source>Too repetitive</source>
        <translation>Troppo ripetitiva</translation>
    </message>
    <message>
        <source>Acceptable: a few more words make it stronger</source>
        <translation>Accettabile: qualche parola in più la rende più robusta</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Robusta</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nuova password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Ripeti la password</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>M&amp;ostra</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostra la password</translation>
    </message>
    <message>
        <source>S&amp;uggest a passphrase</source>
        <translation>Su&amp;ggerisci una frase segreta</translation>
    </message>
    <message>
        <source>Suggest a passphrase of random words</source>
        <translation>Suggerisci una frase segreta di parole casuali</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Robustezza della password</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nuova &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>Ripe&amp;ti:</translation>
    </message>
    <message>
        <source>The password needs at least {minimum} characters.</source>
        <translation>La password deve avere almeno {minimum} caratteri.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Le due password sono diverse.</translation>
    </message>
    <message>
        <source>{verdict} · the two passwords are different</source>
        <translation>{verdict} · le due password sono diverse</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>Usa la chiave di recupero</translation>
    </message>
    <message>
        <source>Type the recovery key exactly as printed (dashes and spaces do not matter), the user name whose password was forgotten, and a new password for her.</source>
        <translation>Scrivi la chiave di recupero come è stampata (trattini e spazi non contano), il nome utente di cui è stata dimenticata la password e una nuova password.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Chiave di recupero:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>Set password and &amp;unlock</source>
        <translation>Imposta la password e s&amp;blocca</translation>
    </message>
    <message>
        <source>Enter the recovery key and the user name.</source>
        <translation>Inserisci la chiave di recupero e il nome utente.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nuova chiave di recupero</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>This recovery key opens the data if every password is forgotten. It is shown only now. Print it or write it down, and keep it locked away, separate from this computer.</source>
        <translation>Questa chiave di recupero apre i dati se tutte le password vengono dimenticate. Viene mostrata solo adesso. Stampala o trascrivila e conservala sotto chiave, lontano da questo computer.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Stampa…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Salva come P&amp;DF…</translation>
    </message>
    <message>
        <source>I have &amp;printed or written down the recovery key</source>
        <translation>Ho stampato o &amp;trascritto la chiave di recupero</translation>
    </message>
    <message>
        <source>Ascolto recovery key</source>
        <translation>Chiave di recupero di Ascolto</translation>
    </message>
    <message>
        <source>Centre: {centre}</source>
        <translation>Centro: {centre}</translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation>Stampata il {date}</translation>
    </message>
    <message>
        <source>With this key and a user name a new password can be set, and every case record can be read. Keep this sheet in a locked drawer or safe, away from the computer. Do not photograph it.</source>
        <translation>Con questa chiave e un nome utente si può impostare una nuova password e leggere ogni scheda. Conserva questo foglio in un cassetto chiuso a chiave o in cassaforte, lontano dal computer. Non fotografarlo.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Stampa la chiave di recupero</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
    <message>
        <source>A PDF of the recovery key is as powerful as the key itself. Save it only on a USB stick that is then locked away, never on this computer, a shared folder or e-mail. Continue?</source>
        <translation>Un PDF della chiave di recupero vale quanto la chiave stessa. Salvalo solo su una chiavetta USB da chiudere poi sotto chiave, mai su questo computer, in una cartella condivisa o per e-mail. Continuare?</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Salva la chiave di recupero come PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>Non è stato possibile salvare il PDF: {reason}</translation>
    </message>
    <message>
        <source>Saved. Lock the file away now and delete any other copy.</source>
        <translation>Salvato. Metti subito il file sotto chiave ed elimina ogni altra copia.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>Last step: keep this key safe.</source>
        <translation>Ultimo passo: conserva questa chiave al sicuro.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reimposta password</translation>
    </message>
    <message>
        <source>New password for {name} ({username}).</source>
        <translation>Nuova password per {name} ({username}).</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Reimposta password</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>Operatrice</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinatrice</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Amministratrice</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after minutes without activity</source>
        <translation>Blocco dopo minuti di inattività</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>Sal&amp;va le impostazioni</translation>
    </message>
    <message>
        <source>These settings apply to this computer. A new language applies at the next start.</source>
        <translation>Queste impostazioni valgono per questo computer. La nuova lingua si applica al prossimo avvio.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Questo computer</translation>
    </message>
    <message>
        <source>&amp;Lock after inactivity:</source>
        <translation>Blocco per &amp;inattività:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>If the printed recovery key is lost, or someone may have seen it, make a new one. The old key stops working immediately.</source>
        <translation>Se la chiave di recupero stampata è andata persa, o qualcuno potrebbe averla vista, creane una nuova. La vecchia chiave smette subito di funzionare.</translation>
    </message>
    <message>
        <source>Make a &amp;new recovery key…</source>
        <translation>Crea una &amp;nuova chiave di recupero…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvate.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nuova chiave di recupero</translation>
    </message>
    <message>
        <source>Make a new recovery key? The printed key in use now will stop working.</source>
        <translation>Creare una nuova chiave di recupero? La chiave stampata in uso smetterà di funzionare.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Ascolto: set-up</source>
        <translation>Ascolto: configurazione</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fine</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Creazione dell’archivio cifrato…</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Ascolto</source>
        <translation>Ascolto</translation>
    </message>
    <message>
        <source>Locked. Sign in to continue.</source>
        <translation>Bloccato. Accedi per continuare.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Sblocca</translation>
    </message>
    <message>
        <source>Forgot your password? Use the &amp;recovery key</source>
        <translation>Password dimenticata? Usa la chiave di &amp;recupero</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Inserisci nome utente e password.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Sblocco in corso…</translation>
    </message>
    <message>
        <source>Too many failed attempts for this account. You can try again in 1 second.</source>
        <translation>Troppi tentativi falliti per questo account. Puoi riprovare tra 1 secondo.</translation>
    </message>
    <message>
        <source>Too many failed attempts for this account. You can try again in {count} seconds.</source>
        <translation>Troppi tentativi falliti per questo account. Puoi riprovare tra {count} secondi.</translation>
    </message>
</context>
</TS>
