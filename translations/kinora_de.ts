<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>FfmpegError</name>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1: stream %2: %3 failed: %4</source>
        <translation>%1: Stream %2: %3 fehlgeschlagen: %4</translation>
    </message>
</context>
<context>
    <name>HlsPlaylistWriter</name>
    <message>
        <source>%1: the playlist cannot be written: %2</source>
        <translation>%1: Die Playlist kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>JpegWriter</name>
    <message>
        <source>%1: the JPEG encoder is not available</source>
        <translation>%1: Der JPEG-Encoder ist nicht verfügbar</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1: Nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>opening the JPEG encoder</source>
        <translation>Öffnen des JPEG-Encoders</translation>
    </message>
    <message>
        <source>allocating the picture</source>
        <translation>Reservieren des Bildes</translation>
    </message>
    <message>
        <source>%1: the picture cannot be scaled</source>
        <translation>%1: Das Bild kann nicht skaliert werden</translation>
    </message>
    <message>
        <source>encoding the JPEG</source>
        <translation>Kodieren des JPEG</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: Kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Kinora::App::AccountButton</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Create account…</source>
        <translation>Konto erstellen …</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out on all devices</source>
        <translation>Auf allen Geräten abmelden</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>username · role</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in or create an account</source>
        <translation>Anmelden oder ein Konto erstellen</translation>
    </message>
</context>
<context>
    <name>Kinora::App::ChannelPage</name>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Popular</source>
        <translation>Beliebt</translation>
    </message>
    <message>
        <source>This channel has no videos yet.</source>
        <translation>Dieser Kanal hat noch keine Videos.</translation>
    </message>
    <message numerus="yes">
        <source>%n subscriber</source>
        <translation>
            <numerusform>%n Abonnent</numerusform>
            <numerusform>%n Abonnenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscribers</source>
        <translation>
            <numerusform>%n Abonnent</numerusform>
            <numerusform>%n Abonnenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>Abonniert</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>The subscription was not changed: %1</source>
        <translation>Das Abonnement wurde nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::App::CommentSection</name>
    <message>
        <source>Add a comment…</source>
        <translation>Kommentar hinzufügen …</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentieren</translation>
    </message>
    <message>
        <source>More comments</source>
        <translation>Weitere Kommentare</translation>
    </message>
    <message numerus="yes">
        <source>%n comment</source>
        <translation>
            <numerusform>%n Kommentar</numerusform>
            <numerusform>%n Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation>
            <numerusform>%n Kommentar</numerusform>
            <numerusform>%n Kommentare</numerusform>
        </translation>
    </message>
    <message>
        <source>The comments could not be loaded: %1</source>
        <translation>Die Kommentare konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::App::CommentView</name>
    <message>
        <source>Add a reply…</source>
        <translation>Antwort hinzufügen …</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>More replies</source>
        <translation>Weitere Antworten</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Kommentar löschen</translation>
    </message>
    <message>
        <source>Delete this comment for good?</source>
        <translation>Diesen Kommentar endgültig löschen?</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>Hide replies</source>
        <translation>Antworten ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>Show %n reply</source>
        <translation>
            <numerusform>%n Antwort anzeigen</numerusform>
            <numerusform>%n Antworten anzeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n replies</source>
        <translation>
            <numerusform>%n Antwort anzeigen</numerusform>
            <numerusform>%n Antworten anzeigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinora::App::HomePage</name>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Popular</source>
        <translation>Beliebt</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Continue watching</source>
        <translation>Weiterschauen</translation>
    </message>
    <message>
        <source>No videos have been published yet.</source>
        <translation>Es wurden noch keine Videos veröffentlicht.</translation>
    </message>
    <message>
        <source>The channels you subscribe to have no videos yet.</source>
        <translation>Die Kanäle, die Sie abonniert haben, haben noch keine Videos.</translation>
    </message>
    <message>
        <source>Videos you started watching appear here.</source>
        <translation>Hier erscheinen Videos, die Sie angefangen haben anzusehen.</translation>
    </message>
</context>
<context>
    <name>Kinora::App::LibraryPage</name>
    <message>
        <source>Sign in to see your library</source>
        <translation>Melden Sie sich an, um Ihre Mediathek zu sehen</translation>
    </message>
    <message>
        <source>Your watch history, the videos you liked, Watch later and your playlists are kept with your account.</source>
        <translation>Ihr Wiedergabeverlauf, die Videos, die Sie mögen, „Später ansehen“ und Ihre Playlists werden mit Ihrem Konto gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Liked</source>
        <translation>Mag ich</translation>
    </message>
    <message>
        <source>Watch later</source>
        <translation>Später ansehen</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <source>&amp;Clear history…</source>
        <translation>Verlauf &amp;löschen …</translation>
    </message>
    <message>
        <source>Videos you watch appear here.</source>
        <translation>Hier erscheinen Videos, die Sie ansehen.</translation>
    </message>
    <message>
        <source>Videos you like appear here.</source>
        <translation>Hier erscheinen Videos, die Sie mögen.</translation>
    </message>
    <message>
        <source>Save videos to watch later from the watch page.</source>
        <translation>Speichern Sie Videos auf der Wiedergabeseite, um sie später anzusehen.</translation>
    </message>
    <message>
        <source>Watch later could not be loaded: %1</source>
        <translation>„Später ansehen“ konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>&amp;Remove from history</source>
        <translation>Aus dem Verlauf &amp;entfernen</translation>
    </message>
    <message>
        <source>The video was not removed from your history: %1</source>
        <translation>Das Video wurde nicht aus Ihrem Verlauf entfernt: %1</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Clear your whole watch history? This also empties “Continue watching”.</source>
        <translation>Ihren gesamten Wiedergabeverlauf löschen? Dadurch wird auch „Weiterschauen“ geleert.</translation>
    </message>
    <message>
        <source>The history was not cleared: %1</source>
        <translation>Der Verlauf wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::App::MainWindow</name>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>No keyring service is available, so Kinora cannot remember your sign-in safely. You stay signed in until you quit and will be asked for your password next time.</source>
        <translation>Es ist kein Schlüsselbund-Dienst verfügbar, daher kann Kinora Ihre Anmeldung nicht sicher speichern. Sie bleiben angemeldet, bis Sie Kinora beenden, und werden beim nächsten Start erneut nach Ihrem Passwort gefragt.</translation>
    </message>
    <message>
        <source>Kinora</source>
        <translation>Kinora</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Mediathek</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Your saved sign-in is no longer valid. Please sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung ist nicht mehr gültig. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check that kinora-server is running.</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfen Sie, ob kinora-server läuft.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 (server %2)</source>
        <translation>Verbunden mit %1 (Server %2)</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>The video player could not be started: %1</source>
        <translation>Der Videoplayer konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
</context>
<context>
    <name>Kinora::App::MessageBanner</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Kinora::App::PlaceholderPage</name>
    <message>
        <source>Welcome to Kinora</source>
        <translation>Willkommen bei Kinora</translation>
    </message>
    <message>
        <source>Your home feed will show new videos from the channels you follow, live streams happening now and recommendations from your server.</source>
        <translation>Ihre Startseite wird neue Videos der Kanäle zeigen, denen Sie folgen, laufende Livestreams und Empfehlungen Ihres Servers.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search will find videos, live streams and channels on your server, with filters for duration, date and language.</source>
        <translation>Die Suche wird Videos, Livestreams und Kanäle auf Ihrem Server finden, mit Filtern für Dauer, Datum und Sprache.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Mediathek</translation>
    </message>
    <message>
        <source>Your library will keep your watch history, the videos you saved for later and your playlists.</source>
        <translation>Ihre Mediathek wird Ihren Wiedergabeverlauf, die für später gespeicherten Videos und Ihre Playlists enthalten.</translation>
    </message>
</context>
<context>
    <name>Kinora::App::PlaylistView</name>
    <message>
        <source>This playlist is empty.</source>
        <translation>Diese Playlist ist leer.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up)</source>
        <translation>Nach oben verschieben (Strg+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down)</source>
        <translation>Nach unten verschieben (Strg+Pfeil runter)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove from the playlist (Delete)</source>
        <translation>Aus der Playlist entfernen (Entf)</translation>
    </message>
    <message>
        <source>Videos of the playlist</source>
        <translation>Videos der Playlist</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>The playlist could not be loaded: %1</source>
        <translation>Die Playlist konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1. Unavailable video</source>
        <translation>%1. Nicht verfügbares Video</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>channel · duration</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1. %2
%3</source>
        <comment>position. title, details</comment>
        <translation>%1. %2
%3</translation>
    </message>
    <message>
        <source>The video was not moved: %1</source>
        <translation>Das Video wurde nicht verschoben: %1</translation>
    </message>
    <message>
        <source>The video was not removed: %1</source>
        <translation>Das Video wurde nicht entfernt: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::App::PlaylistsPanel</name>
    <message>
        <source>&amp;New playlist…</source>
        <translation>&amp;Neue Playlist …</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>← All playlists</source>
        <translation>← Alle Playlists</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <source>This playlist is empty. Add videos from the watch page.</source>
        <translation>Diese Playlist ist leer. Fügen Sie Videos auf der Wiedergabeseite hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>%n video</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n videos</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>Nicht gelistet</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <comment>title, videos · visibility</comment>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Your playlists could not be loaded: %1</source>
        <translation>Ihre Playlists konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>You have no playlists yet. Create one to collect videos.</source>
        <translation>Sie haben noch keine Playlists. Erstellen Sie eine, um Videos zu sammeln.</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Neue Playlist</translation>
    </message>
    <message>
        <source>Name of the new playlist:</source>
        <translation>Name der neuen Playlist:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Rename playlist</source>
        <translation>Playlist umbenennen</translation>
    </message>
    <message>
        <source>New name of the playlist:</source>
        <translation>Neuer Name der Playlist:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete playlist</source>
        <translation>Playlist löschen</translation>
    </message>
    <message>
        <source>Delete the playlist “%1”? The videos themselves stay on Kinora.</source>
        <translation>Die Playlist „%1“ löschen? Die Videos selbst bleiben auf Kinora.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The playlist was not created: %1</source>
        <translation>Die Playlist wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>The playlist was not renamed: %1</source>
        <translation>Die Playlist wurde nicht umbenannt: %1</translation>
    </message>
    <message>
        <source>The playlist was not deleted: %1</source>
        <translation>Die Playlist wurde nicht gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::App::SaveVideoButton</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save to Watch later or a playlist</source>
        <translation>In „Später ansehen“ oder einer Playlist speichern</translation>
    </message>
    <message>
        <source>Sign in to save videos…</source>
        <translation>Zum Speichern von Videos anmelden …</translation>
    </message>
    <message>
        <source>Save to &amp;Watch later</source>
        <translation>In „&amp;Später ansehen“ speichern</translation>
    </message>
    <message>
        <source>Add to playlist</source>
        <translation>Zu Playlist hinzufügen</translation>
    </message>
    <message>
        <source>Loading playlists…</source>
        <translation>Playlists werden geladen …</translation>
    </message>
    <message>
        <source>&amp;New playlist…</source>
        <translation>&amp;Neue Playlist …</translation>
    </message>
    <message>
        <source>The playlists could not be loaded</source>
        <translation>Die Playlists konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>No playlists yet</source>
        <translation>Noch keine Playlists</translation>
    </message>
    <message>
        <source>Watch later</source>
        <translation>Später ansehen</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Neue Playlist</translation>
    </message>
    <message>
        <source>Name of the new playlist:</source>
        <translation>Name der neuen Playlist:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>The playlist was not created: %1</source>
        <translation>Die Playlist wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>Saved to “%1”.</source>
        <translation>In „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>The video is already in “%1”.</source>
        <translation>Das Video ist bereits in „%1“.</translation>
    </message>
    <message>
        <source>The video was not saved to “%1”: %2</source>
        <translation>Das Video wurde nicht in „%1“ gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>Kinora::App::SearchPage</name>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Type what you are looking for and press Enter.</source>
        <translation>Geben Sie ein, wonach Sie suchen, und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Search videos (Ctrl+F)</source>
        <translation>Videos suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Beliebige Länge</translation>
    </message>
    <message>
        <source>Under 4 minutes</source>
        <translation>Unter 4 Minuten</translation>
    </message>
    <message>
        <source>4–20 minutes</source>
        <translation>4–20 Minuten</translation>
    </message>
    <message>
        <source>Over 20 minutes</source>
        <translation>Über 20 Minuten</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebiges Datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Upload date</source>
        <translation>Upload-Datum</translation>
    </message>
    <message>
        <source>View count</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Beliebige Kategorie</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Switch between a grid and a list</source>
        <translation>Zwischen Raster- und Listenansicht wechseln</translation>
    </message>
    <message>
        <source>No videos match your search. Try other words or fewer filters.</source>
        <translation>Keine Videos passen zu Ihrer Suche. Versuchen Sie andere Begriffe oder weniger Filter.</translation>
    </message>
</context>
<context>
    <name>Kinora::App::ServerUrl</name>
    <message>
        <source>Enter the address of a Kinora server.</source>
        <translation>Geben Sie die Adresse eines Kinora-Servers ein.</translation>
    </message>
    <message>
        <source>This is not a valid address.</source>
        <translation>Dies ist keine gültige Adresse.</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>Die Adresse muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Die Adresse enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password.</source>
        <translation>Die Adresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The address must not contain a query or a fragment.</source>
        <translation>Die Adresse darf weder Abfrage noch Fragment enthalten.</translation>
    </message>
</context>
<context>
    <name>Kinora::App::SettingsPage</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected: Kinora server %1 at %2, database %3.</source>
        <translation>Verbunden: Kinora-Server %1 unter %2, Datenbank %3.</translation>
    </message>
    <message>
        <source>The server at %1 answered, but it is not a working Kinora server.</source>
        <translation>Der Server unter %1 hat geantwortet, ist aber kein funktionierender Kinora-Server.</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language and theme apply immediately and are remembered for the next start.</source>
        <translation>Sprache und Design gelten sofort und bleiben für den nächsten Start gespeichert.</translation>
    </message>
</context>
<context>
    <name>Kinora::App::SignInDialog</name>
    <message>
        <source>Enter your username.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in to Kinora</source>
        <translation>Bei Kinora anmelden</translation>
    </message>
    <message>
        <source>Sign in with your account on this Kinora server.</source>
        <translation>Melden Sie sich mit Ihrem Konto auf diesem Kinora-Server an.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Create an account…</source>
        <translation>Konto &amp;erstellen …</translation>
    </message>
</context>
<context>
    <name>Kinora::App::SignUpDialog</name>
    <message>
        <source>Choose a username.</source>
        <translation>Wählen Sie einen Benutzernamen.</translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation>Wählen Sie ein Passwort.</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Creating account…</source>
        <translation>Konto wird erstellt …</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Konto &amp;erstellen</translation>
    </message>
    <message>
        <source>Create a Kinora account</source>
        <translation>Ein Kinora-Konto erstellen</translation>
    </message>
    <message>
        <source>Create an account on this Kinora server to upload videos, go live and keep a library.</source>
        <translation>Erstellen Sie ein Konto auf diesem Kinora-Server, um Videos hochzuladen, live zu gehen und eine Mediathek zu führen.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Con&amp;firm password:</source>
        <translation>Passwort &amp;bestätigen:</translation>
    </message>
</context>
<context>
    <name>Kinora::App::VideoCard</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>views · age</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Kinora::App::VideoFormat</name>
    <message>
        <source>%1K</source>
        <comment>thousands</comment>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions</comment>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1B</source>
        <comment>billions</comment>
        <translation>%1 Mrd.</translation>
    </message>
    <message numerus="yes">
        <source>%n view</source>
        <translation>
            <numerusform>%n Aufruf</numerusform>
            <numerusform>%n Aufrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n views</source>
        <translation>
            <numerusform>%n Aufruf</numerusform>
            <numerusform>%n Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 views</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week ago</source>
        <translation>
            <numerusform>vor %n Woche</numerusform>
            <numerusform>vor %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks ago</source>
        <translation>
            <numerusform>vor %n Woche</numerusform>
            <numerusform>vor %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinora::App::VideoGrid</name>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>No videos here yet.</source>
        <translation>Hier gibt es noch keine Videos.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>The videos could not be loaded.</source>
        <translation>Die Videos konnten nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>Kinora::App::WatchPage</name>
    <message>
        <source>Playback is not available: the video player could not be started.</source>
        <translation>Die Wiedergabe ist nicht verfügbar: Der Videoplayer konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>I like this</source>
        <translation>Mag ich</translation>
    </message>
    <message>
        <source>I dislike this</source>
        <translation>Mag ich nicht</translation>
    </message>
    <message>
        <source>This account is already watching on as many devices as it may.</source>
        <translation>Dieses Konto wird bereits auf der maximal erlaubten Anzahl von Geräten zur Wiedergabe genutzt.</translation>
    </message>
    <message>
        <source>This video cannot be played: %1</source>
        <translation>Dieses Video kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>views · age</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mehr anzeigen</translation>
    </message>
    <message>
        <source>Like %1</source>
        <translation>Mag ich %1</translation>
    </message>
    <message>
        <source>Dislike %1</source>
        <translation>Mag ich nicht %1</translation>
    </message>
    <message numerus="yes">
        <source>%n subscriber</source>
        <translation>
            <numerusform>%n Abonnent</numerusform>
            <numerusform>%n Abonnenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscribers</source>
        <translation>
            <numerusform>%n Abonnent</numerusform>
            <numerusform>%n Abonnenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>Abonniert</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>Your rating was not saved: %1</source>
        <translation>Ihre Bewertung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The subscription was not changed: %1</source>
        <translation>Das Abonnement wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Open the channel</source>
        <translation>Kanal öffnen</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::ApiClient</name>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Der Server unter %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Network error while talking to %1: %2</source>
        <translation>Netzwerkfehler bei der Verbindung mit %1: %2</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::AudioEncoder</name>
    <message>
        <source>the AAC encoder is not available</source>
        <translation>der AAC-Encoder ist nicht verfügbar</translation>
    </message>
    <message>
        <source>opening the AAC encoder</source>
        <translation>Öffnen des AAC-Encoders</translation>
    </message>
    <message>
        <source>setting up the resampler</source>
        <translation>Einrichten des Resamplers</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>resampling</source>
        <translation>Resampling</translation>
    </message>
    <message>
        <source>allocating resampled audio</source>
        <translation>Reservieren des umgetasteten Audios</translation>
    </message>
    <message>
        <source>flushing the AAC encoder</source>
        <translation>Leeren des AAC-Encoders</translation>
    </message>
    <message>
        <source>allocating an audio frame</source>
        <translation>Reservieren eines Audio-Frames</translation>
    </message>
    <message>
        <source>audio: the sample buffer ran dry</source>
        <translation>Audio: Der Sample-Puffer ist leergelaufen</translation>
    </message>
    <message>
        <source>encoding AAC</source>
        <translation>Kodieren von AAC</translation>
    </message>
    <message>
        <source>receiving AAC packets</source>
        <translation>Empfangen von AAC-Paketen</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::CatalogClient</name>
    <message>
        <source>The server sent an answer Kinora does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Kinora nicht versteht.</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::FileRangeDevice</name>
    <message>
        <source>%1 is shorter than expected</source>
        <translation>%1 ist kürzer als erwartet</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::HealthMonitor</name>
    <message>
        <source>The server reports a problem: %1</source>
        <translation>Der Server meldet ein Problem: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::HlsSegmenter</name>
    <message>
        <source>%1: the folder cannot be created</source>
        <translation>%1: Der Ordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>creating the MPEG-TS muxer</source>
        <translation>Erstellen des MPEG-TS-Muxers</translation>
    </message>
    <message>
        <source>adding the video stream to the muxer</source>
        <translation>Hinzufügen des Videostreams zum Muxer</translation>
    </message>
    <message>
        <source>adding the audio stream to the muxer</source>
        <translation>Hinzufügen des Audiostreams zum Muxer</translation>
    </message>
    <message>
        <source>writing the MPEG-TS header</source>
        <translation>Schreiben des MPEG-TS-Headers</translation>
    </message>
    <message>
        <source>creating the segment</source>
        <translation>Erstellen des Segments</translation>
    </message>
    <message>
        <source>flushing the segment</source>
        <translation>Leeren des Segments</translation>
    </message>
    <message>
        <source>closing the segment</source>
        <translation>Schließen des Segments</translation>
    </message>
    <message>
        <source>writing a packet</source>
        <translation>Schreiben eines Pakets</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1: Nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>finishing the MPEG-TS stream</source>
        <translation>Abschließen des MPEG-TS-Streams</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::HlsTranscoder</name>
    <message>
        <source>Transcoding must not run on the GUI thread.</source>
        <translation>Das Transkodieren darf nicht im GUI-Thread laufen.</translation>
    </message>
    <message>
        <source>An input file and an output folder are required.</source>
        <translation>Eine Eingabedatei und ein Ausgabeordner sind erforderlich.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be created</source>
        <translation>%1: Der Ordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1: no temporary folder can be created there: %2</source>
        <translation>%1: Dort kann kein temporärer Ordner erstellt werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: the existing folder cannot be replaced</source>
        <translation>%1: Der vorhandene Ordner kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>%1: the finished ladder cannot be moved into place</source>
        <translation>%1: Die fertige Qualitätsstufenleiter kann nicht an ihren Platz verschoben werden</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n work folder(s) left by an interrupted transcode.</source>
        <translation>
            <numerusform>%n Arbeitsordner, der von einer unterbrochenen Transkodierung übrig war, wurde entfernt.</numerusform>
            <numerusform>%n Arbeitsordner, die von einer unterbrochenen Transkodierung übrig waren, wurden entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinora::Core::LadderPlanner</name>
    <message>
        <source>The source frame rate is unknown; the output uses 25 fps.</source>
        <translation>Die Bildrate der Quelle ist unbekannt; die Ausgabe verwendet 25 fps.</translation>
    </message>
    <message>
        <source>Variable frame rate (average %1 fps) is converted to a constant %2 fps.</source>
        <translation>Die variable Bildrate (durchschnittlich %1 fps) wird in konstante %2 fps umgewandelt.</translation>
    </message>
    <message>
        <source>The frame rate %1 fps is reduced to %2 fps.</source>
        <translation>Die Bildrate %1 fps wird auf %2 fps reduziert.</translation>
    </message>
    <message>
        <source>%1: no video or audio stream</source>
        <translation>%1: Kein Video- oder Audiostream</translation>
    </message>
    <message>
        <source>The segment duration must be between 1 and 30 seconds.</source>
        <translation>Die Segmentdauer muss zwischen 1 und 30 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The %1 audio is mixed down to stereo.</source>
        <translation>Das %1-Audio wird auf Stereo heruntergemischt.</translation>
    </message>
    <message>
        <source>The audio is resampled from %1 Hz to %2 Hz.</source>
        <translation>Das Audio wird von %1 Hz auf %2 Hz umgetastet.</translation>
    </message>
    <message>
        <source>The input has %1 audio tracks; track %2 is used.</source>
        <translation>Die Eingabe hat %1 Audiospuren; Spur %2 wird verwendet.</translation>
    </message>
    <message>
        <source>HDR (%1) is tone-mapped to SDR BT.709.</source>
        <translation>HDR (%1) wird per Tone-Mapping in SDR BT.709 umgewandelt.</translation>
    </message>
    <message>
        <source>The pixel format %1 (%2-bit) is converted to 8-bit yuv420p H.264.</source>
        <translation>Das Pixelformat %1 (%2 Bit) wird in 8-Bit-yuv420p-H.264 umgewandelt.</translation>
    </message>
    <message>
        <source>The picture is rotated by %1 degrees for display.</source>
        <translation>Das Bild wird für die Anzeige um %1 Grad gedreht.</translation>
    </message>
    <message>
        <source>Non-square pixels (%1:%2) are resampled to square pixels.</source>
        <translation>Nicht quadratische Pixel (%1:%2) werden in quadratische Pixel umgerechnet.</translation>
    </message>
    <message>
        <source>No bitrate is configured for a %1p rendition.</source>
        <translation>Für eine %1p-Qualitätsstufe ist keine Bitrate konfiguriert.</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::LibraryClient</name>
    <message>
        <source>The server sent an answer Kinora does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Kinora nicht versteht.</translation>
    </message>
    <message>
        <source>The video is not in your Watch later list.</source>
        <translation>Das Video ist nicht in Ihrer Liste „Später ansehen“.</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::MediaProbe</name>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>not a readable file</source>
        <translation>keine lesbare Datei</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>%1x%2 exceeds the %3x%4 limit</source>
        <translation>%1x%2 überschreitet die Grenze von %3x%4</translation>
    </message>
    <message>
        <source>gave up: opening took longer than %1 ms</source>
        <translation>aufgegeben: Das Öffnen dauerte länger als %1 ms</translation>
    </message>
    <message>
        <source>truncated: the index (moov) is missing</source>
        <translation>abgeschnitten: Der Index (moov) fehlt</translation>
    </message>
    <message>
        <source>not a media file</source>
        <translation>keine Mediendatei</translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>%1 streams exceed the limit of %2</source>
        <translation>%1 Streams überschreiten die Grenze von %2</translation>
    </message>
    <message>
        <source>gave up: analysing took longer than %1 ms</source>
        <translation>aufgegeben: Die Analyse dauerte länger als %1 ms</translation>
    </message>
    <message>
        <source>the streams cannot be analysed: %1</source>
        <translation>die Streams können nicht analysiert werden: %1</translation>
    </message>
    <message>
        <source>a duration of %1 s exceeds the limit of %2 s</source>
        <translation>eine Dauer von %1 s überschreitet die Grenze von %2 s</translation>
    </message>
    <message>
        <source>stream %1: the picture size is unknown</source>
        <translation>Stream %1: Die Bildgröße ist unbekannt</translation>
    </message>
    <message>
        <source>no video or audio stream</source>
        <translation>kein Video- oder Audiostream</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::MemoryCredentialStore</name>
    <message>
        <source>No credential storage is available.</source>
        <translation>Es ist kein Speicher für Zugangsdaten verfügbar.</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::PlaybackSessionClient</name>
    <message>
        <source>The server did not say which playback session it opened.</source>
        <translation>Der Server hat nicht mitgeteilt, welche Wiedergabesitzung er geöffnet hat.</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::RenditionEncoder</name>
    <message>
        <source>%1: the %2 encoder is not available</source>
        <translation>%1: Der %2-Encoder ist nicht verfügbar</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1: Nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>%1: the hardware frame pool cannot be created</source>
        <translation>%1: Der Hardware-Frame-Pool kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>initialising the hardware frame pool</source>
        <translation>Initialisieren des Hardware-Frame-Pools</translation>
    </message>
    <message>
        <source>opening the %1 encoder</source>
        <translation>Öffnen des %1-Encoders</translation>
    </message>
    <message>
        <source>%1: no scaler from %2x%3 to %4x%5</source>
        <translation>%1: Kein Skalierer von %2x%3 auf %4x%5</translation>
    </message>
    <message>
        <source>allocating the scaled picture</source>
        <translation>Reservieren des skalierten Bildes</translation>
    </message>
    <message>
        <source>reusing the scaled picture</source>
        <translation>Wiederverwenden des skalierten Bildes</translation>
    </message>
    <message>
        <source>uploading a picture to the device</source>
        <translation>Hochladen eines Bildes auf das Gerät</translation>
    </message>
    <message>
        <source>encoding a picture</source>
        <translation>Kodieren eines Bildes</translation>
    </message>
    <message>
        <source>receiving an encoded picture</source>
        <translation>Empfangen eines kodierten Bildes</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::StudioClient</name>
    <message>
        <source>The server sent an answer Kinora does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Kinora nicht versteht.</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::TranscodeJob</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 (further warnings are not shown)</source>
        <translation>%1 (weitere Warnungen werden nicht angezeigt)</translation>
    </message>
    <message>
        <source>%1: stream %2: no decoder for %3</source>
        <translation>%1: Stream %2: Kein Decoder für %3</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>opening the %1 decoder</source>
        <translation>Öffnen des %1-Decoders</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the file ends early (%2); the output stops there.</source>
        <translation>%1: Die Datei endet vorzeitig (%2); die Ausgabe endet dort.</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>%1: too many read errors; giving up</source>
        <translation>%1: Zu viele Lesefehler; Abbruch</translation>
    </message>
    <message>
        <source>%1: stream %2: no picture could be decoded</source>
        <translation>%1: Stream %2: Es konnte kein Bild dekodiert werden</translation>
    </message>
    <message>
        <source>%1: stream %2: a damaged packet at %3 s was skipped (%4)</source>
        <translation>%1: Stream %2: Ein beschädigtes Paket bei %3 s wurde übersprungen (%4)</translation>
    </message>
    <message>
        <source>%1: stream %2: too many damaged packets; giving up</source>
        <translation>%1: Stream %2: Zu viele beschädigte Pakete; Abbruch</translation>
    </message>
    <message>
        <source>decoding</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <source>%1: stream %2: a damaged frame was skipped</source>
        <translation>%1: Stream %2: Ein beschädigter Frame wurde übersprungen</translation>
    </message>
    <message>
        <source>%1: stream %2: too many damaged frames; giving up</source>
        <translation>%1: Stream %2: Zu viele beschädigte Frames; Abbruch</translation>
    </message>
    <message>
        <source>%1: stream %2: a corrupt picture was skipped</source>
        <translation>%1: Stream %2: Ein fehlerhaftes Bild wurde übersprungen</translation>
    </message>
    <message>
        <source>%1: stream %2: %3</source>
        <translation>%1: Stream %2: %3</translation>
    </message>
    <message>
        <source>%1: stream %2: the picture size changed to %3x%4 mid-stream; those pictures are skipped</source>
        <translation>%1: Stream %2: Die Bildgröße hat sich mitten im Stream auf %3x%4 geändert; diese Bilder werden übersprungen</translation>
    </message>
    <message>
        <source>%1: the %2 rendition has no segment</source>
        <translation>%1: Die Qualitätsstufe %2 hat kein Segment</translation>
    </message>
    <message>
        <source>%1: the %2 rendition is cut differently from the others</source>
        <translation>%1: Die Qualitätsstufe %2 ist anders geschnitten als die übrigen</translation>
    </message>
    <message>
        <source>%1: the thumbnail folders cannot be created</source>
        <translation>%1: Die Ordner für Vorschaubilder können nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::TusUploader</name>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>the server answered %1 to the creation</source>
        <translation>der Server antwortete %1 auf das Anlegen</translation>
    </message>
    <message>
        <source>The server created the upload but sent no Location.</source>
        <translation>Der Server hat den Upload angelegt, aber keine Location gesendet.</translation>
    </message>
    <message>
        <source>the server answered %1 when asked for the offset</source>
        <translation>der Server antwortete %1 auf die Frage nach dem Offset</translation>
    </message>
    <message>
        <source>The server reported an offset or length that does not fit this file.</source>
        <translation>Der Server meldete einen Offset oder eine Länge, die nicht zu dieser Datei passen.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the server received corrupted bytes</source>
        <translation>der Server hat beschädigte Bytes empfangen</translation>
    </message>
    <message>
        <source>the server is at another offset</source>
        <translation>der Server steht an einem anderen Offset</translation>
    </message>
    <message>
        <source>the server answered %1 to a chunk</source>
        <translation>der Server antwortete %1 auf einen Block</translation>
    </message>
    <message>
        <source>The server acknowledged an impossible offset.</source>
        <translation>Der Server hat einen unmöglichen Offset bestätigt.</translation>
    </message>
    <message>
        <source>The server needs you to sign in again.</source>
        <translation>Der Server verlangt, dass Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>This account may not upload.</source>
        <translation>Dieses Konto darf nicht hochladen.</translation>
    </message>
    <message>
        <source>The upload no longer exists on the server.</source>
        <translation>Der Upload existiert auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>Your upload quota is used up.</source>
        <translation>Ihr Upload-Kontingent ist aufgebraucht.</translation>
    </message>
    <message>
        <source>The file is larger than the server accepts.</source>
        <translation>Die Datei ist größer, als der Server annimmt.</translation>
    </message>
    <message>
        <source>The server refused the file.</source>
        <translation>Der Server hat die Datei abgelehnt.</translation>
    </message>
    <message>
        <source>The server does not understand this upload (HTTP %1).</source>
        <translation>Der Server versteht diesen Upload nicht (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the upload (HTTP %1).</source>
        <translation>Der Server hat den Upload abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>Giving up after %1 attempts: %2</source>
        <translation>Abbruch nach %1 Versuchen: %2</translation>
    </message>
</context>
<context>
    <name>Kinora::Core::VideoNormalizer</name>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>creating the frame source</source>
        <translation>Erstellen der Bildquelle</translation>
    </message>
    <message>
        <source>creating the frame sink</source>
        <translation>Erstellen der Bildsenke</translation>
    </message>
    <message>
        <source>building the filter chain &quot;%1&quot;</source>
        <translation>Aufbauen der Filterkette „%1“</translation>
    </message>
    <message>
        <source>configuring the filter chain</source>
        <translation>Konfigurieren der Filterkette</translation>
    </message>
    <message>
        <source>filtering a picture</source>
        <translation>Filtern eines Bildes</translation>
    </message>
    <message>
        <source>closing the filter chain</source>
        <translation>Schließen der Filterkette</translation>
    </message>
    <message>
        <source>reading a filtered picture</source>
        <translation>Lesen eines gefilterten Bildes</translation>
    </message>
</context>
<context>
    <name>Kinora::Hls::AttributeList</name>
    <message>
        <source>attribute without &apos;=&apos; at column %1</source>
        <translation>Attribut ohne „=“ in Spalte %1</translation>
    </message>
    <message>
        <source>empty attribute name at column %1</source>
        <translation>leerer Attributname in Spalte %1</translation>
    </message>
    <message>
        <source>unterminated quoted string in attribute %1</source>
        <translation>nicht abgeschlossene Zeichenkette in Anführungszeichen in Attribut %1</translation>
    </message>
</context>
<context>
    <name>Kinora::Hls::PlaylistParser</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>master playlist tags and media segment tags in the same playlist</source>
        <translation>Master-Playlist-Tags und Mediensegment-Tags in derselben Playlist</translation>
    </message>
    <message>
        <source>invalid URI &quot;%1&quot;</source>
        <translation>ungültige URI „%1“</translation>
    </message>
    <message>
        <source>the playlist does not start with #EXTM3U</source>
        <translation>die Playlist beginnt nicht mit #EXTM3U</translation>
    </message>
    <message>
        <source>EXT-X-STREAM-INF is not followed by a URI</source>
        <translation>auf EXT-X-STREAM-INF folgt keine URI</translation>
    </message>
    <message>
        <source>EXTINF is not followed by a URI</source>
        <translation>auf EXTINF folgt keine URI</translation>
    </message>
    <message>
        <source>invalid EXT-X-VERSION</source>
        <translation>ungültige EXT-X-VERSION</translation>
    </message>
    <message>
        <source>EXT-X-START without a valid TIME-OFFSET</source>
        <translation>EXT-X-START ohne gültigen TIME-OFFSET</translation>
    </message>
    <message>
        <source>variant stream without a valid BANDWIDTH</source>
        <translation>Variantenstream ohne gültige BANDWIDTH</translation>
    </message>
    <message>
        <source>invalid AVERAGE-BANDWIDTH</source>
        <translation>ungültige AVERAGE-BANDWIDTH</translation>
    </message>
    <message>
        <source>invalid RESOLUTION</source>
        <translation>ungültige RESOLUTION</translation>
    </message>
    <message>
        <source>EXT-X-I-FRAME-STREAM-INF without URI</source>
        <translation>EXT-X-I-FRAME-STREAM-INF ohne URI</translation>
    </message>
    <message>
        <source>EXT-X-MEDIA with an unknown TYPE &quot;%1&quot;</source>
        <translation>EXT-X-MEDIA mit unbekanntem TYPE „%1“</translation>
    </message>
    <message>
        <source>EXT-X-MEDIA without GROUP-ID</source>
        <translation>EXT-X-MEDIA ohne GROUP-ID</translation>
    </message>
    <message>
        <source>EXT-X-MEDIA without NAME</source>
        <translation>EXT-X-MEDIA ohne NAME</translation>
    </message>
    <message>
        <source>CLOSED-CAPTIONS rendition with a URI</source>
        <translation>CLOSED-CAPTIONS-Variante mit URI</translation>
    </message>
    <message>
        <source>SUBTITLES rendition without URI</source>
        <translation>SUBTITLES-Variante ohne URI</translation>
    </message>
    <message>
        <source>EXTINF duration &quot;%1&quot; is not a number</source>
        <translation>EXTINF-Dauer „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>EXTINF duration %1 is negative</source>
        <translation>EXTINF-Dauer %1 ist negativ</translation>
    </message>
    <message>
        <source>invalid EXT-X-TARGETDURATION &quot;%1&quot;</source>
        <translation>ungültige EXT-X-TARGETDURATION „%1“</translation>
    </message>
    <message>
        <source>invalid EXT-X-MEDIA-SEQUENCE</source>
        <translation>ungültige EXT-X-MEDIA-SEQUENCE</translation>
    </message>
    <message>
        <source>EXT-X-MEDIA-SEQUENCE after the first segment</source>
        <translation>EXT-X-MEDIA-SEQUENCE nach dem ersten Segment</translation>
    </message>
    <message>
        <source>invalid EXT-X-DISCONTINUITY-SEQUENCE</source>
        <translation>ungültige EXT-X-DISCONTINUITY-SEQUENCE</translation>
    </message>
    <message>
        <source>EXT-X-DISCONTINUITY-SEQUENCE after the first segment</source>
        <translation>EXT-X-DISCONTINUITY-SEQUENCE nach dem ersten Segment</translation>
    </message>
    <message>
        <source>unknown EXT-X-PLAYLIST-TYPE &quot;%1&quot;</source>
        <translation>unbekannter EXT-X-PLAYLIST-TYPE „%1“</translation>
    </message>
    <message>
        <source>EXT-X-KEY METHOD=NONE with a URI</source>
        <translation>EXT-X-KEY METHOD=NONE mit URI</translation>
    </message>
    <message>
        <source>EXT-X-KEY with an unsupported METHOD &quot;%1&quot;</source>
        <translation>EXT-X-KEY mit nicht unterstützter METHOD „%1“</translation>
    </message>
    <message>
        <source>EXT-X-KEY without URI</source>
        <translation>EXT-X-KEY ohne URI</translation>
    </message>
    <message>
        <source>EXT-X-KEY with an invalid IV</source>
        <translation>EXT-X-KEY mit ungültigem IV</translation>
    </message>
    <message>
        <source>EXT-X-MAP without URI</source>
        <translation>EXT-X-MAP ohne URI</translation>
    </message>
    <message>
        <source>EXT-X-MAP BYTERANGE without an offset</source>
        <translation>EXT-X-MAP BYTERANGE ohne Offset</translation>
    </message>
    <message>
        <source>invalid byte range &quot;%1&quot;</source>
        <translation>ungültiger Bytebereich „%1“</translation>
    </message>
    <message>
        <source>segment URI without a preceding EXTINF</source>
        <translation>Segment-URI ohne vorangehendes EXTINF</translation>
    </message>
    <message>
        <source>EXT-X-BYTERANGE without offset does not follow a range of the same resource</source>
        <translation>EXT-X-BYTERANGE ohne Offset folgt nicht auf einen Bereich derselben Ressource</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::AbrRegistry</name>
    <message>
        <source>Throughput rule (hls.js EWMA)</source>
        <translation>Durchsatzregel (hls.js EWMA)</translation>
    </message>
    <message>
        <source>BOLA (dash.js)</source>
        <translation>BOLA (dash.js)</translation>
    </message>
    <message>
        <source>Buffer-based BBA-0</source>
        <translation>Pufferbasiertes BBA-0</translation>
    </message>
    <message>
        <source>RobustMPC</source>
        <translation>RobustMPC</translation>
    </message>
    <message>
        <source>Kinora: MPC with a steadier predictor and a buffer floor</source>
        <translation>Kinora: MPC mit stabilerer Vorhersage und Pufferuntergrenze</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::Aes128Decryptor</name>
    <message>
        <source>the AES-128 key is %1 bytes long instead of 16</source>
        <translation>der AES-128-Schlüssel ist %1 Byte lang statt 16</translation>
    </message>
    <message>
        <source>the AES-128 IV is %1 bytes long instead of 16</source>
        <translation>der AES-128-IV ist %1 Byte lang statt 16</translation>
    </message>
    <message>
        <source>the encrypted segment is %1 bytes long, not a positive multiple of 16</source>
        <translation>das verschlüsselte Segment ist %1 Byte lang, kein positives Vielfaches von 16</translation>
    </message>
    <message>
        <source>out of memory while allocating the AES context</source>
        <translation>nicht genügend Arbeitsspeicher beim Anlegen des AES-Kontexts</translation>
    </message>
    <message>
        <source>the AES-128 key was rejected</source>
        <translation>der AES-128-Schlüssel wurde abgelehnt</translation>
    </message>
    <message>
        <source>invalid PKCS#7 padding (wrong key or IV?)</source>
        <translation>ungültiges PKCS#7-Padding (falscher Schlüssel oder IV?)</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::HlsSession</name>
    <message>
        <source>the AES-128 key is %1 bytes long instead of 16</source>
        <translation>der AES-128-Schlüssel ist %1 Byte lang statt 16</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: a master playlist where a media playlist was expected</source>
        <translation>%1: eine Master-Playlist, wo eine Medien-Playlist erwartet wurde</translation>
    </message>
    <message>
        <source>%1: the master playlist has no variant</source>
        <translation>%1: Die Master-Playlist hat keine Variante</translation>
    </message>
    <message>
        <source>%1: renditions do not share segment boundaries</source>
        <translation>%1: Die Qualitätsstufen haben keine gemeinsamen Segmentgrenzen</translation>
    </message>
    <message>
        <source>SAMPLE-AES segments are not supported</source>
        <translation>SAMPLE-AES-Segmente werden nicht unterstützt</translation>
    </message>
    <message>
        <source>%1: the playlist has no segment</source>
        <translation>%1: Die Playlist hat kein Segment</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::MiniPlayerWindow</name>
    <message>
        <source>Mini player</source>
        <translation>Miniplayer</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::MpvHlsPlayer</name>
    <message>
        <source>libmpv could not be created</source>
        <translation>libmpv konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>mpv option %1=%2: %3</source>
        <translation>mpv-Option %1=%2: %3</translation>
    </message>
    <message>
        <source>mpv did not start: %1</source>
        <translation>mpv ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>the stream protocol could not be registered with mpv</source>
        <translation>das Stream-Protokoll konnte nicht bei mpv registriert werden</translation>
    </message>
    <message>
        <source>mpv could not play: %1</source>
        <translation>mpv konnte nicht abspielen: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::PlayerWidget</name>
    <message>
        <source>Play or pause (space, k)</source>
        <translation>Abspielen oder pausieren (Leertaste, k)</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>Springen</translation>
    </message>
    <message>
        <source>Mute (m)</source>
        <translation>Stummschalten (m)</translation>
    </message>
    <message>
        <source>Volume (up, down)</source>
        <translation>Lautstärke (Pfeil hoch, Pfeil runter)</translation>
    </message>
    <message>
        <source>Playback speed (&lt;, &gt;)</source>
        <translation>Wiedergabegeschwindigkeit (&lt;, &gt;)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Full screen (f)</source>
        <translation>Vollbild (f)</translation>
    </message>
    <message>
        <source>%1p</source>
        <translation>%1p</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (live)</source>
        <translation>%1 (live)</translation>
    </message>
    <message>
        <source>Rendition: %1 (%2×%3)</source>
        <translation>Qualitätsstufe: %1 (%2×%3)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Bandwidth estimate: %1 kbit/s</source>
        <translation>Geschätzte Bandbreite: %1 kbit/s</translation>
    </message>
    <message>
        <source>Buffer: %1 s</source>
        <translation>Puffer: %1 s</translation>
    </message>
    <message>
        <source>Dropped frames: %1</source>
        <translation>Verworfene Bilder: %1</translation>
    </message>
    <message>
        <source>Decoder: %1</source>
        <translation>Decoder: %1</translation>
    </message>
    <message>
        <source>Last segment: %1 ms</source>
        <translation>Letztes Segment: %1 ms</translation>
    </message>
    <message>
        <source>Live latency: %1 s</source>
        <translation>Live-Latenz: %1 s</translation>
    </message>
    <message>
        <source>Exact seeking</source>
        <translation>Exaktes Springen</translation>
    </message>
    <message>
        <source>Mini player (p)</source>
        <translation>Miniplayer (p)</translation>
    </message>
    <message>
        <source>Playing in the mini player</source>
        <translation>Wiedergabe im Miniplayer</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::SegmentLoader</name>
    <message>
        <source>download of %1 abandoned: it would take %2 s, %3 s allowed</source>
        <translation>Download von %1 abgebrochen: Er würde %2 s dauern, erlaubt sind %3 s</translation>
    </message>
    <message>
        <source>the response is shorter than the requested byte range</source>
        <translation>die Antwort ist kürzer als der angeforderte Bytebereich</translation>
    </message>
    <message>
        <source>HTTP status %1 for %2</source>
        <translation>HTTP-Status %1 für %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, gave up after %n attempt(s)</source>
        <translation>
            <numerusform>%1, Abbruch nach %n Versuch</numerusform>
            <numerusform>%1, Abbruch nach %n Versuchen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinora::Player::ServerPlaybackReporter</name>
    <message>
        <source>The server keeps ending this playback session.</source>
        <translation>Der Server beendet diese Wiedergabesitzung immer wieder.</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::StreamLimitDialog</name>
    <message>
        <source>Too many streams</source>
        <translation>Zu viele Streams</translation>
    </message>
    <message>
        <source>Too many videos are playing from this network. Try again later.</source>
        <translation>In diesem Netzwerk werden zu viele Videos abgespielt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Your account is already playing on as many devices as it may. Stop one of them to watch here.</source>
        <translation>Ihr Konto wird bereits auf der maximal erlaubten Anzahl von Geräten zur Wiedergabe genutzt. Beenden Sie die Wiedergabe auf einem davon, um hier anzusehen.</translation>
    </message>
    <message>
        <source>%1 — last active %2</source>
        <translation>%1 — zuletzt aktiv: %2</translation>
    </message>
    <message>
        <source>Stop and watch here</source>
        <translation>Dort beenden und hier ansehen</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::ThroughputTrace</name>
    <message>
        <source>cannot open trace %1: %2</source>
        <translation>Trace %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: line %2 is not &quot;seconds&lt;TAB&gt;Mbit/s&quot;</source>
        <translation>%1: Zeile %2 hat nicht die Form „Sekunden&lt;TAB&gt;Mbit/s“</translation>
    </message>
    <message>
        <source>%1: line %2: time does not increase</source>
        <translation>%1: Zeile %2: Die Zeit nimmt nicht zu</translation>
    </message>
    <message>
        <source>%1: a trace needs at least two samples</source>
        <translation>%1: Ein Trace benötigt mindestens zwei Messwerte</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::TrackControls</name>
    <message>
        <source>CC</source>
        <translation>UT</translation>
    </message>
    <message>
        <source>Captions (c)</source>
        <translation>Untertitel (c)</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Audio language</source>
        <translation>Audiosprache</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
</context>
<context>
    <name>Kinora::Player::WebVttRenditionLoader</name>
    <message>
        <source>%1: not a WebVTT document</source>
        <translation>%1: Kein WebVTT-Dokument</translation>
    </message>
    <message>
        <source>%1: not a subtitle playlist</source>
        <translation>%1: Keine Untertitel-Playlist</translation>
    </message>
    <message>
        <source>%1: the subtitle playlist has no segment</source>
        <translation>%1: Die Untertitel-Playlist hat kein Segment</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::ContentActions</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Edit the title, description, tags and more (Enter)</source>
        <translation>Titel, Beschreibung, Tags und mehr bearbeiten (Eingabetaste)</translation>
    </message>
    <message>
        <source>Replace &amp;thumbnail…</source>
        <translation>&amp;Vorschaubild ersetzen …</translation>
    </message>
    <message>
        <source>Upload an image as the thumbnail of the video</source>
        <translation>Ein Bild als Vorschaubild des Videos hochladen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the video (Delete)</source>
        <translation>Video löschen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the list (F5)</source>
        <translation>Liste neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;Visibility</source>
        <translation>&amp;Sichtbarkeit</translation>
    </message>
    <message>
        <source>&amp;Public</source>
        <translation>Ö&amp;ffentlich</translation>
    </message>
    <message>
        <source>&amp;Unlisted</source>
        <translation>&amp;Nicht gelistet</translation>
    </message>
    <message>
        <source>P&amp;rivate</source>
        <translation>P&amp;rivat</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Change who can watch the video</source>
        <translation>Ändern, wer das Video ansehen kann</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::ContentManager</name>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server hat mit HTTP-Status %1 geantwortet.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Sign in to manage your videos.</source>
        <translation>Melden Sie sich an, um Ihre Videos zu verwalten.</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Your videos</source>
        <translation>Ihre Videos</translation>
    </message>
    <message>
        <source>Could not load your videos: %1</source>
        <translation>Ihre Videos konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Loading your videos…</source>
        <translation>Ihre Videos werden geladen …</translation>
    </message>
    <message>
        <source>You have no videos yet. Upload one to see it here.</source>
        <translation>Sie haben noch keine Videos. Laden Sie eines hoch, um es hier zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not change the visibility of “%1”: %2</source>
        <translation>Die Sichtbarkeit von „%1“ konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Choose a thumbnail for “%1”</source>
        <translation>Vorschaubild für „%1“ auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG or WebP image.</source>
        <translation>%1 ist kein PNG-, JPEG- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>Could not replace the thumbnail: %1</source>
        <translation>Das Vorschaubild konnte nicht ersetzt werden: %1</translation>
    </message>
    <message>
        <source>Delete video</source>
        <translation>Video löschen</translation>
    </message>
    <message>
        <source>Delete “%1” for good? Its media, comments and statistics are removed too; this cannot be undone.</source>
        <translation>„%1“ endgültig löschen? Medien, Kommentare und Statistiken werden ebenfalls entfernt; dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>„%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::DetailsPage</name>
    <message>
        <source>Choose a thumbnail image</source>
        <translation>Vorschaubild auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG or WebP image.</source>
        <translation>%1 ist kein PNG-, JPEG- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Ein Titel ist erforderlich.</translation>
    </message>
    <message numerus="yes">
        <source>At most %1 tags; remove %n.</source>
        <translation>
            <numerusform>Höchstens %1 Tags; entfernen Sie %n.</numerusform>
            <numerusform>Höchstens %1 Tags; entfernen Sie %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The publication time has to be in the future.</source>
        <translation>Der Veröffentlichungszeitpunkt muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Describe the video. You can change all of this later in Content.</source>
        <translation>Beschreiben Sie das Video. Sie können all das später unter „Inhalte“ ändern.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>T&amp;ags:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>&amp;Visibility:</source>
        <translation>&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Thumbnail:</source>
        <translation>Vorschaubild:</translation>
    </message>
    <message>
        <source>Required, up to %1 characters</source>
        <translation>Erforderlich, bis zu %1 Zeichen</translation>
    </message>
    <message>
        <source>Comma separated, up to %1</source>
        <translation>Durch Kommas getrennt, bis zu %1</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Keine Kategorie</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>Nicht gelistet</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>&amp;Publish at</source>
        <translation>&amp;Veröffentlichen am</translation>
    </message>
    <message>
        <source>At %1 %</source>
        <translation>Bei %1 %</translation>
    </message>
    <message>
        <source>Custom image…</source>
        <translation>Eigenes Bild …</translation>
    </message>
    <message>
        <source>Extracting thumbnails…</source>
        <translation>Vorschaubilder werden extrahiert …</translation>
    </message>
    <message>
        <source>No thumbnails from the file: %1</source>
        <translation>Keine Vorschaubilder aus der Datei: %1</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::FilePage</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1×%2 %3</source>
        <translation>%1×%2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>kein Ton</translation>
    </message>
    <message>
        <source>Choose a video</source>
        <translation>Video auswählen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.ts *.mts *.flv *.wmv *.mpg *.mpeg);;All files (*)</source>
        <translation>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.ts *.mts *.flv *.wmv *.mpg *.mpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: not a media file with a video stream</source>
        <translation>%1: Keine Mediendatei mit Videostream</translation>
    </message>
    <message>
        <source>%1: the duration is unknown</source>
        <translation>%1: Die Dauer ist unbekannt</translation>
    </message>
    <message>
        <source>Choose a video file, or drop one onto the studio.</source>
        <translation>Wählen Sie eine Videodatei aus oder ziehen Sie eine auf das Studio.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Datei wird geprüft …</translation>
    </message>
    <message>
        <source>%1 — ready to upload</source>
        <translation>%1 — bereit zum Hochladen</translation>
    </message>
    <message>
        <source>Cannot upload this file: %1</source>
        <translation>Diese Datei kann nicht hochgeladen werden: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose the video to upload. It is checked on this computer first.</source>
        <translation>Wählen Sie das Video zum Hochladen aus. Es wird zuerst auf diesem Computer geprüft.</translation>
    </message>
    <message>
        <source>&amp;Video file:</source>
        <translation>&amp;Videodatei:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Path of a video file</source>
        <translation>Pfad einer Videodatei</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::StudioPage</name>
    <message>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>&amp;Upload video…</source>
        <translation>Video &amp;hochladen …</translation>
    </message>
    <message>
        <source>Upload videos</source>
        <translation>Videos hochladen</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>oder Dateien hierher ziehen</translation>
    </message>
    <message>
        <source>Sign in to upload</source>
        <translation>Zum Hochladen anmelden</translation>
    </message>
    <message>
        <source>Uploading and managing videos needs a creator account on this server.</source>
        <translation>Zum Hochladen und Verwalten von Videos ist ein Erstellerkonto auf diesem Server erforderlich.</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>The upload runs in the background; you can follow it under Uploads.</source>
        <translation>Der Upload läuft im Hintergrund; Sie können ihn unter „Uploads“ verfolgen.</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>Nicht gelistet</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Chosen by the server</source>
        <translation>Vom Server gewählt</translation>
    </message>
    <message>
        <source>Custom image %1</source>
        <translation>Eigenes Bild %1</translation>
    </message>
    <message>
        <source>Frame at %1 %</source>
        <translation>Bild bei %1 %</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Transcoding</source>
        <translation>Transkodierung</translation>
    </message>
    <message>
        <source>On this computer, then the quality ladder is uploaded</source>
        <translation>Auf diesem Computer, danach wird die Qualitätsstufenleiter hochgeladen</translation>
    </message>
    <message>
        <source>On the server, after the original file is uploaded</source>
        <translation>Auf dem Server, nachdem die Originaldatei hochgeladen wurde</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Thumbnail</source>
        <translation>Vorschaubild</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::TranscodePage</name>
    <message>
        <source>Transcoding</source>
        <translation>Transkodierung</translation>
    </message>
    <message>
        <source>Viewers get the video in several qualities. Choose where they are made.</source>
        <translation>Zuschauer erhalten das Video in mehreren Qualitätsstufen. Wählen Sie, wo diese erzeugt werden.</translation>
    </message>
    <message>
        <source>&amp;Transcode on this computer (recommended)</source>
        <translation>Auf diesem Computer &amp;transkodieren (empfohlen)</translation>
    </message>
    <message>
        <source>Uses this computer&apos;s processor for a while, but uploads less and the video is ready as soon as the upload ends.</source>
        <translation>Beansprucht eine Weile den Prozessor dieses Computers, lädt aber weniger hoch, und das Video ist fertig, sobald der Upload endet.</translation>
    </message>
    <message>
        <source>Let the &amp;server transcode</source>
        <translation>Den &amp;Server transkodieren lassen</translation>
    </message>
    <message>
        <source>Sends the original file, which can take much longer to upload, and the video waits for the server&apos;s turn before it is ready.</source>
        <translation>Sendet die Originaldatei, deren Hochladen viel länger dauern kann, und das Video wartet, bis der Server es verarbeitet, bevor es fertig ist.</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::TrayNotifier</name>
    <message>
        <source>“%1” is ready</source>
        <translation>„%1“ ist fertig</translation>
    </message>
    <message>
        <source>“%1” failed</source>
        <translation>„%1“ fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” failed: %2</source>
        <translation>„%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Kinora uploads</source>
        <translation>Kinora-Uploads</translation>
    </message>
    <message>
        <source>Upload finished</source>
        <translation>Upload abgeschlossen</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::UploadQueue</name>
    <message>
        <source>%1 has no video track.</source>
        <translation>%1 hat keine Videospur.</translation>
    </message>
    <message>
        <source>This file cannot be uploaded: %1 Choose a video file (for example MP4, MKV, MOV or WebM).</source>
        <translation>Diese Datei kann nicht hochgeladen werden: %1 Wählen Sie eine Videodatei (zum Beispiel MP4, MKV, MOV oder WebM).</translation>
    </message>
    <message>
        <source>The video could not be converted on this computer: %1 Try another file, or let the server convert it.</source>
        <translation>Das Video konnte auf diesem Computer nicht konvertiert werden: %1 Versuchen Sie eine andere Datei oder lassen Sie den Server sie konvertieren.</translation>
    </message>
    <message>
        <source>The converted video could not be packaged: %1 Check the free disk space, then choose Retry.</source>
        <translation>Das konvertierte Video konnte nicht verpackt werden: %1 Prüfen Sie den freien Speicherplatz und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>“%1” is ready on the server.</source>
        <translation>„%1“ ist auf dem Server fertig.</translation>
    </message>
    <message>
        <source>Cannot read the upload journal: %1</source>
        <translation>Das Upload-Journal kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). Kinora tries again automatically.</source>
        <translation>Der Server ist nicht erreichbar (%1). Kinora versucht es automatisch erneut.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again, then choose Retry.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>This account may not upload videos. Ask an administrator for the creator role.</source>
        <translation>Dieses Konto darf keine Videos hochladen. Bitten Sie einen Administrator um die Rolle „Ersteller“.</translation>
    </message>
    <message>
        <source>The server refused the request: %1 Choose Retry to try again.</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1 Wählen Sie „Erneut versuchen“, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Connection trouble (%1); retrying in %2 s.</source>
        <translation>Verbindungsprobleme (%1); neuer Versuch in %2 s.</translation>
    </message>
    <message>
        <source>Your upload quota is used up: %1 Delete videos you no longer need or ask the administrator for more space, then choose Retry.</source>
        <translation>Ihr Upload-Kontingent ist aufgebraucht: %1 Löschen Sie Videos, die Sie nicht mehr benötigen, oder bitten Sie den Administrator um mehr Speicherplatz, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The file is larger than the server accepts: %1 Shorten the video or convert it on this computer.</source>
        <translation>Die Datei ist größer, als der Server annimmt: %1 Kürzen Sie das Video oder konvertieren Sie es auf diesem Computer.</translation>
    </message>
    <message>
        <source>The server does not accept this file: %1 Choose a video file (for example MP4, MKV, MOV or WebM).</source>
        <translation>Der Server nimmt diese Datei nicht an: %1 Wählen Sie eine Videodatei (zum Beispiel MP4, MKV, MOV oder WebM).</translation>
    </message>
    <message>
        <source>The upload expired on the server. Choose Retry to send the file again.</source>
        <translation>Der Upload ist auf dem Server abgelaufen. Wählen Sie „Erneut versuchen“, um die Datei erneut zu senden.</translation>
    </message>
    <message>
        <source>This account may not upload videos (%1). Ask an administrator for the creator role.</source>
        <translation>Dieses Konto darf keine Videos hochladen (%1). Bitten Sie einen Administrator um die Rolle „Ersteller“.</translation>
    </message>
    <message>
        <source>%1 Check that the file is still there, then choose Retry.</source>
        <translation>%1 Prüfen Sie, ob die Datei noch vorhanden ist, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The upload failed: %1 Choose Retry to try again.</source>
        <translation>Der Upload ist fehlgeschlagen: %1 Wählen Sie „Erneut versuchen“, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>The video was deleted on the server.</source>
        <translation>Das Video wurde auf dem Server gelöscht.</translation>
    </message>
    <message>
        <source>The server could not publish the video: %1</source>
        <translation>Der Server konnte das Video nicht veröffentlichen: %1</translation>
    </message>
    <message>
        <source>The thumbnail %1 cannot be read. Choose another image, then choose Retry.</source>
        <translation>Das Vorschaubild %1 kann nicht gelesen werden. Wählen Sie ein anderes Bild und dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The thumbnail was refused: %1 Choose another image (PNG, JPEG or WebP), then choose Retry.</source>
        <translation>Das Vorschaubild wurde abgelehnt: %1 Wählen Sie ein anderes Bild (PNG, JPEG oder WebP) und dann „Erneut versuchen“.</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::UploadQueueRow</name>
    <message>
        <source>Waiting</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>Transcoding</source>
        <translation>Transkodieren</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>Verpacken</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Processing on the server</source>
        <translation>Verarbeitung auf dem Server</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1× realtime</source>
        <translation>%1× Echtzeit</translation>
    </message>
    <message>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>noch %n s</numerusform>
            <numerusform>noch %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:%2 left</source>
        <translation>noch %1:%2</translation>
    </message>
    <message>
        <source>%1:%2:%3 left</source>
        <translation>noch %1:%2:%3</translation>
    </message>
    <message>
        <source>Cancel Upload</source>
        <translation>Upload abbrechen</translation>
    </message>
    <message>
        <source>Stop uploading “%1”? What was sent so far is discarded.</source>
        <translation>Hochladen von „%1“ beenden? Was bisher gesendet wurde, wird verworfen.</translation>
    </message>
    <message>
        <source>Stop Upload</source>
        <translation>Upload beenden</translation>
    </message>
    <message>
        <source>Keep Uploading</source>
        <translation>Weiter hochladen</translation>
    </message>
    <message>
        <source>Paused while %1</source>
        <translation>Pausiert (%1)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Abbrechen …</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::UploadQueueView</name>
    <message>
        <source>No uploads yet.</source>
        <translation>Noch keine Uploads.</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::UploadWizard</name>
    <message>
        <source>Upload Video</source>
        <translation>Video hochladen</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::VideoEditDialog</name>
    <message>
        <source>Publish at a later time</source>
        <translation>Später veröffentlichen</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Bild auswählen …</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Comma separated, e.g. travel, timelapse</source>
        <translation>Durch Kommas getrennt, z. B. Reisen, Zeitraffer</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>Nicht gelistet</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>The video is already published; its schedule cannot change.</source>
        <translation>Das Video ist bereits veröffentlicht; sein Zeitplan kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>Custom image</source>
        <translation>Eigenes Bild</translation>
    </message>
    <message>
        <source>Uploaded image</source>
        <translation>Hochgeladenes Bild</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>T&amp;ags:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>&amp;Visibility:</source>
        <translation>&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>Sch&amp;edule:</source>
        <translation>&amp;Zeitplan:</translation>
    </message>
    <message>
        <source>Thumb&amp;nail:</source>
        <translation>&amp;Vorschaubild:</translation>
    </message>
    <message>
        <source>Choose a thumbnail image</source>
        <translation>Vorschaubild auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>Der Titel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Choose an image file for the custom thumbnail.</source>
        <translation>Wählen Sie eine Bilddatei für das eigene Vorschaubild.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG or WebP image.</source>
        <translation>%1 ist kein PNG-, JPEG- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>Saving failed (%1).</source>
        <translation>Speichern fehlgeschlagen (%1).</translation>
    </message>
</context>
<context>
    <name>Kinora::Studio::VideoTableModel</name>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>Nicht gelistet</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Wird verarbeitet</translation>
    </message>
    <message>
        <source>Processing %1%</source>
        <translation>Wird verarbeitet: %1%</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Geplant für %1</translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation>Veröffentlicht am %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Erstellt am %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Mag ich</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>LadderPackageWriter</name>
    <message>
        <source>The ladder folder %1 does not exist.</source>
        <translation>Der Ordner der Qualitätsstufenleiter %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The ladder folder %1 has no %2.</source>
        <translation>Im Ordner der Qualitätsstufenleiter %1 fehlt %2.</translation>
    </message>
    <message>
        <source>%1 is a link; a package holds only files and folders.</source>
        <translation>%1 ist eine Verknüpfung; ein Paket enthält nur Dateien und Ordner.</translation>
    </message>
    <message>
        <source>%1 is larger than a package entry may be (8 GiB).</source>
        <translation>%1 ist größer, als ein Paketeintrag sein darf (8 GiB).</translation>
    </message>
    <message>
        <source>%1 is not a regular file; a package holds only files and folders.</source>
        <translation>%1 ist keine reguläre Datei; ein Paket enthält nur Dateien und Ordner.</translation>
    </message>
    <message>
        <source>The path %1 is too long for a ustar package (at most 100 bytes after a folder prefix of 155).</source>
        <translation>Der Pfad %1 ist zu lang für ein ustar-Paket (höchstens 100 Byte nach einem Ordnerpräfix von 155).</translation>
    </message>
    <message>
        <source>Cannot create the package %1: %2</source>
        <translation>Das Paket %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the package %1: %2</source>
        <translation>Das Paket %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Packaging was cancelled.</source>
        <translation>Das Verpacken wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed while it was being packaged.</source>
        <translation>%1 hat sich während des Verpackens geändert.</translation>
    </message>
</context>
<context>
    <name>PartialOutputDirectory</name>
    <message>
        <source>%1: cannot be locked: %2</source>
        <translation>%1: Kann nicht gesperrt werden: %2</translation>
    </message>
</context>
<context>
    <name>StoryboardBuilder</name>
    <message>
        <source>allocating a sprite sheet</source>
        <translation>Reservieren eines Sprite-Sheets</translation>
    </message>
    <message>
        <source>storyboard: the picture cannot be scaled</source>
        <translation>Storyboard: Das Bild kann nicht skaliert werden</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: Kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>TestPatternSource</name>
    <message>
        <source>test pattern: the size %1x%2 is not usable (even numbers, at least 16)</source>
        <translation>Testbild: Die Größe %1x%2 ist nicht verwendbar (gerade Zahlen, mindestens 16)</translation>
    </message>
    <message>
        <source>test pattern: the frame rate, sample rate, channels (1 or 2) or audio frame size is not usable</source>
        <translation>Testbild: Bildrate, Abtastrate, Kanalzahl (1 oder 2) oder Audio-Frame-Größe ist nicht verwendbar</translation>
    </message>
    <message>
        <source>test pattern: out of memory</source>
        <translation>Testbild: Nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>building the filter graph</source>
        <translation>Aufbauen des Filtergraphen</translation>
    </message>
    <message>
        <source>configuring the filter graph</source>
        <translation>Konfigurieren des Filtergraphen</translation>
    </message>
    <message>
        <source>generating a frame</source>
        <translation>Erzeugen eines Frames</translation>
    </message>
</context>
<context>
    <name>TestPatternWriter</name>
    <message>
        <source>%1: a test pattern written to a file needs a duration</source>
        <translation>%1: Ein Testbild, das in eine Datei geschrieben wird, braucht eine Dauer</translation>
    </message>
    <message>
        <source>choosing a container from the file name</source>
        <translation>Auswählen eines Containers anhand des Dateinamens</translation>
    </message>
    <message>
        <source>%1: the libx264 encoder is not available in this FFmpeg build</source>
        <translation>%1: Der libx264-Encoder ist in diesem FFmpeg-Build nicht verfügbar</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>opening the libx264 encoder</source>
        <translation>Öffnen des libx264-Encoders</translation>
    </message>
    <message>
        <source>%1: no AAC encoder is available in this FFmpeg build</source>
        <translation>%1: In diesem FFmpeg-Build ist kein AAC-Encoder verfügbar</translation>
    </message>
    <message>
        <source>opening the AAC encoder</source>
        <translation>Öffnen des AAC-Encoders</translation>
    </message>
    <message>
        <source>setting the stream parameters</source>
        <translation>Setzen der Stream-Parameter</translation>
    </message>
    <message>
        <source>creating the file</source>
        <translation>Erstellen der Datei</translation>
    </message>
    <message>
        <source>writing the header</source>
        <translation>Schreiben des Headers</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>Kodieren</translation>
    </message>
    <message>
        <source>writing a packet</source>
        <translation>Schreiben eines Pakets</translation>
    </message>
    <message>
        <source>finishing the file</source>
        <translation>Abschließen der Datei</translation>
    </message>
</context>
<context>
    <name>ThumbnailCandidates</name>
    <message>
        <source>%1: no video stream</source>
        <translation>%1: Kein Videostream</translation>
    </message>
    <message>
        <source>%1: no decoder for the video stream</source>
        <translation>%1: Kein Decoder für den Videostream</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1: Nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>opening the video decoder</source>
        <translation>Öffnen des Videodecoders</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>%1: no picture could be decoded near %2 s</source>
        <translation>%1: Bei %2 s konnte kein Bild dekodiert werden</translation>
    </message>
</context>
<context>
    <name>TusJournal</name>
    <message>
        <source>cannot write the upload journal %1: %2</source>
        <translation>das Upload-Journal %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UploadJournal</name>
    <message>
        <source>Cannot open the upload journal %1: %2</source>
        <translation>Das Upload-Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot prepare the upload journal %1: %2</source>
        <translation>Das Upload-Journal %1 kann nicht vorbereitet werden: %2</translation>
    </message>
</context>
<context>
    <name>VideoEncoderTable</name>
    <message>
        <source>Unknown encoder &quot;%1&quot;; using libx264.</source>
        <translation>Unbekannter Encoder „%1“; libx264 wird verwendet.</translation>
    </message>
    <message>
        <source>This FFmpeg has no %1 encoder; using libx264.</source>
        <translation>Dieses FFmpeg hat keinen %1-Encoder; libx264 wird verwendet.</translation>
    </message>
    <message>
        <source>No %1 device is available (%2); using libx264.</source>
        <translation>Kein %1-Gerät verfügbar (%2); libx264 wird verwendet.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kinora desktop video studio and player</source>
        <translation>Kinora – Videostudio und Player für den Desktop</translation>
    </message>
    <message>
        <source>Address of the Kinora server (also KINORA_SERVER_URL).</source>
        <translation>Adresse des Kinora-Servers (auch KINORA_SERVER_URL).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
</context>
</TS>
