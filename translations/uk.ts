<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>AddPortalDialog</name>
    <message>
        <source>Add a portal</source>
        <extracomment>Plans offered when adding a portal; custom limits are set from the command line.</extracomment>
        <translation>Додати портал</translation>
    </message>
    <message>
        <source>Inbound webhook</source>
        <translation>Вхідний вебхук</translation>
    </message>
    <message>
        <source>OAuth application</source>
        <translation>OAuth-застосунок</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation>&amp;URL вебхука:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Тариф:</translation>
    </message>
    <message>
        <source>Portal &amp;address:</source>
        <translation>&amp;Адреса порталу:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>&amp;Ідентифікатор клієнта:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Секрет клієнта:</translation>
    </message>
    <message>
        <source>&amp;Token server (optional):</source>
        <translation>С&amp;ервер токенів (необов&apos;язково):</translation>
    </message>
    <message>
        <source>Authorization &amp;code:</source>
        <translation>&amp;Код авторизації:</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>Назва порталу</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL вебхука</translation>
    </message>
    <message>
        <source>Portal plan</source>
        <translation>Тариф порталу</translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation>Адреса порталу</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Ідентифікатор клієнта</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Секрет клієнта</translation>
    </message>
    <message>
        <source>Token server</source>
        <translation>Сервер токенів</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Код авторизації</translation>
    </message>
    <message>
        <source>e.g. Main portal</source>
        <translation>наприклад, Основний портал</translation>
    </message>
    <message>
        <source>Open the authorization page</source>
        <translation>Відкрити сторінку авторизації</translation>
    </message>
    <message>
        <source>Create the webhook in the portal under Developer resources → Other → Inbound webhook, with the scopes crm, user, department and userconsent, and paste its URL here. The secret part of the URL is hidden once pasted and is kept only in the operating system&apos;s keyring.</source>
        <translation>Створіть вебхук на порталі в розділі «Розробникам → Інше → Вхідний вебхук» з областями доступу crm, user, department і userconsent та вставте сюди його URL. Після вставлення секретна частина URL приховується і зберігається лише в сховищі паролів операційної системи.</translation>
    </message>
    <message>
        <source>Register a local application in the portal, enter its client ID and secret, open the authorization page, allow access and paste the code the portal returns. The tokens are kept only in the operating system&apos;s keyring.</source>
        <translation>Зареєструйте на порталі локальний застосунок, введіть його ідентифікатор і секрет клієнта, відкрийте сторінку авторизації, дозвольте доступ і вставте код, який поверне портал. Токени зберігаються лише в сховищі паролів операційної системи.</translation>
    </message>
    <message>
        <source>&amp;Replace a portal that has the same name</source>
        <translation>&amp;Замінити портал з такою самою назвою</translation>
    </message>
    <message>
        <source>&amp;Test and save</source>
        <translation>&amp;Перевірити й зберегти</translation>
    </message>
    <message>
        <source>Enter the portal address and the client ID first.</source>
        <translation>Спочатку введіть адресу порталу та ідентифікатор клієнта.</translation>
    </message>
    <message>
        <source>No web browser could be opened for the authorization page.</source>
        <translation>Не вдалося відкрити браузер зі сторінкою авторизації.</translation>
    </message>
    <message>
        <source>Enter a name and the webhook URL.</source>
        <translation>Введіть назву та URL вебхука.</translation>
    </message>
    <message>
        <source>Enter a name, the portal address, the client ID and secret, and the authorization code.</source>
        <translation>Введіть назву, адресу порталу, ідентифікатор і секрет клієнта, а також код авторизації.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Перевірка з&apos;єднання з порталом «%1»…</translation>
    </message>
    <message numerus="yes">
        <source>%n scope(s)</source>
        <translation>
            <numerusform>%n область доступу</numerusform>
            <numerusform>%n області доступу</numerusform>
            <numerusform>%n областей доступу</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected as %1. Saved as “%2”.</source>
        <translation>Підключено як %1. Збережено під назвою «%2».</translation>
    </message>
    <message>
        <source>Cancelled. If the portal answered in the meantime the connection may have been saved; the list of portals shows what is stored.</source>
        <translation>Скасовано. Якщо портал тим часом відповів, підключення могло бути збережене; що саме збережено, видно в списку порталів.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Portal added</source>
        <extracomment>Rows handed to the view per ``fetchMore``. The name of every action, for the table, the filter and the CSV reader&apos;s eye.</extracomment>
        <translation>Портал додано</translation>
    </message>
    <message>
        <source>Portal removed</source>
        <translation>Портал видалено</translation>
    </message>
    <message>
        <source>Portal connection checked</source>
        <translation>Перевірено з’єднання з порталом</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Сканування</translation>
    </message>
    <message>
        <source>Hidden values revealed</source>
        <translation>Розкрито приховані значення</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>Експортовано персональні дані</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>Доступ відкликано</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Налаштування змінено</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Заблоковано</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Розблоковано</translation>
    </message>
    <message>
        <source>Unlock failed</source>
        <translation>Невдала спроба розблокування</translation>
    </message>
    <message>
        <source>Two-step verification set up</source>
        <translation>Двоетапну перевірку налаштовано</translation>
    </message>
    <message>
        <source>Two-step verification turned off</source>
        <translation>Двоетапну перевірку вимкнено</translation>
    </message>
    <message>
        <source>Verification code refused</source>
        <translation>Код перевірки відхилено</translation>
    </message>
    <message>
        <source>Two-step verification record tampered with</source>
        <translation>Втручання в дані двоетапної перевірки</translation>
    </message>
    <message>
        <source>Recovery code used</source>
        <translation>Використано код відновлення</translation>
    </message>
    <message>
        <source>New recovery codes made</source>
        <translation>Створено нові коди відновлення</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Журнал аудиту експортовано</translation>
    </message>
    <message>
        <source>Audit log restarted</source>
        <translation>Журнал аудиту розпочато заново</translation>
    </message>
    <message>
        <source>Signed checkpoint</source>
        <translation>Підписана контрольна точка</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit entry was not written: its detail “%1” looks like a secret or personal data.</source>
        <extracomment>Key words that name a secret; matched against the ``_``-separated parts of a key. Random-looking runs: letters and digits mixed over 16+ characters (webhook secrets are 16, OAuth tokens longer), and JSON Web Tokens. A file digest is evidence an auditor needs, not a secret, when the key says it is one.</extracomment>
        <translation>Запис аудиту не створено: значення поля «%1» схоже на секрет або персональні дані.</translation>
    </message>
    <message>
        <source>The audit log is damaged: its last entry is incomplete or unreadable, so nothing more can be recorded in it. Verify and export it, then set it aside to start a new log.</source>
        <translation>Журнал аудиту пошкоджено: його останній запис неповний або не читається, тому записати в нього нічого більше не можна. Перевірте й експортуйте журнал, а потім відкладіть його, щоб почати новий.</translation>
    </message>
    <message>
        <source>The audit log could not be written or read. Check the disk and retry.</source>
        <translation>Не вдалося записати або прочитати журнал аудиту. Перевірте диск і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Entry %1 is incomplete: the log was cut off in the middle of a line.</source>
        <translation>Запис %1 неповний: журнал обірвано посеред рядка.</translation>
    </message>
    <message>
        <source>Entry %1 is not a valid audit record.</source>
        <translation>Запис %1 не є коректним записом аудиту.</translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written: its hash does not match its content.</source>
        <translation>Запис %1 змінено після того, як його було зроблено: його хеш не відповідає вмісту.</translation>
    </message>
    <message>
        <source>Entry %1 is out of sequence (number %2 found where %3 was expected): entries were deleted, inserted or moved.</source>
        <translation>Запис %1 порушує послідовність (знайдено номер %2, а очікувався %3): записи видалено, вставлено або переміщено.</translation>
    </message>
    <message>
        <source>Entry %1 does not link to the entry before it: an earlier entry was changed or replaced.</source>
        <translation>Запис %1 не пов&apos;язаний із попереднім: один із попередніх записів змінено або замінено.</translation>
    </message>
    <message>
        <source>The signature of checkpoint %1 is not valid: the log was rewritten or the checkpoint forged.</source>
        <translation>Підпис контрольної точки %1 недійсний: журнал переписано або контрольну точку підроблено.</translation>
    </message>
    <message>
        <source>Entry %1 carries a signature although it is not a checkpoint.</source>
        <translation>Запис %1 має підпис, хоча не є контрольною точкою.</translation>
    </message>
    <message>
        <source>Entry %1 is not the checkpoint that was recorded in the keyring: the log was replaced.</source>
        <translation>Запис %1 не є тією контрольною точкою, яку зафіксовано в сховищі паролів: журнал підмінено.</translation>
    </message>
    <message>
        <source>The log ends after entry %1, but checkpoint %2 was written: entries at the end were removed, or an older copy of the log was put back.</source>
        <translation>Журнал закінчується записом %1, але було записано контрольну точку %2: записи в кінці видалено або відновлено старішу копію журналу.</translation>
    </message>
    <message>
        <source>The key that signs the audit log cannot be read from the keyring. The audit log cannot be extended until the key is restored.</source>
        <translation>Не вдається прочитати зі сховища паролів ключ, яким підписується журнал аудиту. Доповнювати журнал аудиту неможливо, доки ключ не буде відновлено.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <extracomment>The role that returns the row&apos;s :class:`AuditEntry`.</extracomment>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Портал</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <source>Every connection added or removed, every check, lock and unlock, every change of security settings — who did it, when, and on which portal. Each entry carries a hash of the one before it and checkpoints are signed, so a changed, removed or inserted entry is found by Verify. Personal data is never written to the log.</source>
        <translation>Кожне додане чи видалене підключення, кожна перевірка, кожне блокування й розблокування, кожна зміна налаштувань безпеки — хто це зробив, коли і на якому порталі. Кожен запис містить хеш попереднього, а контрольні точки підписуються, тож перевірка журналу виявить змінений, видалений або вставлений запис. Персональні дані в журнал ніколи не записуються.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Д&amp;ія:</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Фільтр за дією</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Усі дії</translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation>&amp;Портал:</translation>
    </message>
    <message>
        <source>Filter by portal</source>
        <translation>Фільтр за порталом</translation>
    </message>
    <message>
        <source>All portals</source>
        <translation>Усі портали</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;З</translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation>Фільтр за датою</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Початкова дата</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;до</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Кінцева дата</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Оновити журнал аудиту</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Записи журналу аудиту</translation>
    </message>
    <message>
        <source>&amp;Verify the log</source>
        <translation>Пе&amp;ревірити журнал</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>Перевірити журнал аудиту</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Експорт у &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation>Експортувати журнал аудиту у форматі CSV</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Експорт у &amp;JSON…</translation>
    </message>
    <message>
        <source>Export the audit log as JSON</source>
        <translation>Експортувати журнал аудиту у форматі JSON</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Результат перевірки</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Показані записи</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>Перевірка журналу аудиту…</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entry(ies) verified.</source>
        <translation>
            <numerusform>Журнал аудиту цілісний: перевірено %n запис.</numerusform>
            <numerusform>Журнал аудиту цілісний: перевірено %n записи.</numerusform>
            <numerusform>Журнал аудиту цілісний: перевірено %n записів.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last signed checkpoint is entry %1.</source>
        <translation>Остання підписана контрольна точка — запис %1.</translation>
    </message>
    <message>
        <source>No checkpoint has been signed yet.</source>
        <translation>Ще жодну контрольну точку не підписано.</translation>
    </message>
    <message>
        <source>The audit log is broken at entry %1: %2</source>
        <translation>Цілісність журналу аудиту порушено на записі %1: %2</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Експорт журналу аудиту</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файли JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Експорт журналу аудиту…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) exported.</source>
        <translation>
            <numerusform>Експортовано %n запис.</numerusform>
            <numerusform>Експортовано %n записи.</numerusform>
            <numerusform>Експортовано %n записів.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <source>This file is not an encrypted bundle.</source>
        <translation>Цей файл не є зашифрованим пакетом.</translation>
    </message>
    <message>
        <source>This bundle was not encrypted for your key: ask the sender to add your public key to the recipients.</source>
        <translation>Цей пакет зашифровано не для вашого ключа: попросіть відправника додати ваш відкритий ключ до одержувачів.</translation>
    </message>
    <message>
        <source>The bundle is incomplete or its end was altered: it may have been cut short while copying, or data was added to it.</source>
        <translation>Пакет неповний або його кінець змінено: можливо, його обрізано під час копіювання або до нього дописано дані.</translation>
    </message>
    <message>
        <source>The bundle was altered or damaged after it was written: its encrypted content does not authenticate.</source>
        <translation>Пакет змінено або пошкоджено після створення: його зашифрований вміст не проходить перевірку автентичності.</translation>
    </message>
    <message>
        <source>The bundle exceeds the size limit of %1 bytes.</source>
        <translation>Пакет перевищує граничний розмір у %1 байтів.</translation>
    </message>
    <message>
        <source>The bundle&apos;s archive or manifest is malformed.</source>
        <translation>Архів або маніфест пакета має неправильний формат.</translation>
    </message>
    <message>
        <source>The bundle contains an unsafe entry “%1” (an absolute path, a “..” component, a link or a duplicate); it was not opened.</source>
        <translation>Пакет містить небезпечний елемент «%1» (абсолютний шлях, компонент «..», посилання або дублікат), тому його не відкрито.</translation>
    </message>
    <message>
        <source>The bundle uses format version %1, which this version of Privacy Desktop cannot read.</source>
        <translation>Пакет має версію формату %1, яку ця версія Privacy Desktop не може прочитати.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature is not valid: its manifest was altered or signed with another key.</source>
        <translation>Підпис пакета недійсний: його маніфест змінено або підписано іншим ключем.</translation>
    </message>
    <message>
        <source>The bundle was signed by a key you did not choose to trust (fingerprint %1).</source>
        <translation>Пакет підписано ключем, якого ви не обрали як довірений (відбиток %1).</translation>
    </message>
    <message>
        <source>The file “%1” in the bundle does not match the fingerprint recorded in its signed manifest.</source>
        <translation>Файл «%1» у пакеті не відповідає відбитку, записаному в підписаному маніфесті пакета.</translation>
    </message>
    <message>
        <source>The file “%1” is missing from the bundle.</source>
        <translation>У пакеті бракує файлу «%1».</translation>
    </message>
    <message>
        <source>The bundle contains the file “%1”, which its signed manifest does not list.</source>
        <translation>Пакет містить файл «%1», якого немає в його підписаному маніфесті.</translation>
    </message>
    <message>
        <source>This is not a usable RSA key (OpenSSH or PEM, at least 2048 bits).</source>
        <translation>Це непридатний ключ RSA (потрібен ключ OpenSSH або PEM завдовжки щонайменше 2048 біт).</translation>
    </message>
    <message>
        <source>The passphrase does not unlock this private key.</source>
        <translation>Парольна фраза не розблоковує цей закритий ключ.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Error: cannot use the directory %1 (%2).</source>
        <translation>Помилка: не вдається використати каталог %1 (%2).</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Помилка: %1</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Перервано.</translation>
    </message>
    <message>
        <source>Unexpected error. The details were written to %1</source>
        <translation>Неочікувана помилка. Подробиці записано в %1</translation>
    </message>
    <message>
        <source>See which personal data a Bitrix24 portal holds and who can reach it. Without a command the graphical application starts (add --demo to try it on a demo portal).</source>
        <translation>Показує, які персональні дані зберігає портал Бітрікс24 і хто має до них доступ. Без команди запускається графічний застосунок (додайте --demo, щоб випробувати його на демопорталі).</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>показати версію й вийти</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ШЛЯХ</translation>
    </message>
    <message>
        <source>keep data, settings and logs under PATH instead of the standard locations</source>
        <translation>зберігати дані, налаштування та журнали в каталозі ШЛЯХ, а не в стандартних розташуваннях</translation>
    </message>
    <message>
        <source>language of the messages (default: Ukrainian)</source>
        <translation>мова повідомлень (типово: українська)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>команди</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>КОМАНДА</translation>
    </message>
    <message>
        <source>run a local demo Bitrix24 portal with generated Ukrainian data</source>
        <translation>запустити локальний демопортал Бітрікс24 зі згенерованими українськими даними</translation>
    </message>
    <message>
        <source>Run a local demo Bitrix24 portal on 127.0.0.1. It prints its webhook address first and serves until interrupted.</source>
        <translation>Запускає локальний демопортал Бітрікс24 на 127.0.0.1. Спершу виводить адресу свого вебхука, а потім працює, доки його не буде перервано.</translation>
    </message>
    <message>
        <source>%1: error: %2
</source>
        <extracomment>Overrides the keyring service name (tests, several installations side by side).</extracomment>
        <translation>%1: помилка: %2
</translation>
    </message>
    <message>
        <source>usage: </source>
        <extracomment>The sub-command collection of a :class:`Parser`.</extracomment>
        <translation>використання: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>позиційні аргументи</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметри</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>показати цю довідку й вийти</translation>
    </message>
    <message>
        <source>Nothing was entered for: %1</source>
        <translation>Нічого не введено: %1</translation>
    </message>
    <message>
        <source>User: %1 (id %2)</source>
        <translation>Користувач: %1 (ID %2)</translation>
    </message>
    <message>
        <source>Administrator: %1</source>
        <translation>Адміністратор: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>Області доступу: %1</translation>
    </message>
    <message>
        <source>Note: this user is not a portal administrator, so data the user cannot see will be missing from the inventory.</source>
        <translation>Увага: цей користувач не є адміністратором порталу, тому дані, яких він не бачить, не потраплять до реєстру.</translation>
    </message>
    <message>
        <source>add, list, check or remove portals</source>
        <translation>додати, показати, перевірити або видалити портали</translation>
    </message>
    <message>
        <source>verify, export or list the audit log</source>
        <translation>перевірити, експортувати або переглянути журнал аудиту</translation>
    </message>
    <message>
        <source>The audit log records every security-relevant action in a hash chain whose checkpoints are signed with a key kept in the system keyring.</source>
        <translation>Журнал аудиту фіксує кожну важливу для безпеки дію в ланцюжку хешів, контрольні точки якого підписуються ключем, що зберігається в системному сховищі паролів.</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ДІЯ</translation>
    </message>
    <message>
        <source>check the chain and its signatures; exit 1 and name the first broken entry</source>
        <translation>перевірити ланцюжок і його підписи; у разі порушення завершитися з кодом 1 і вказати перший пошкоджений запис</translation>
    </message>
    <message>
        <source>write the log with its chain and signatures for an auditor</source>
        <translation>записати журнал разом з ланцюжком і підписами для аудитора</translation>
    </message>
    <message>
        <source>csv, or json (which also carries the public key)</source>
        <translation>csv або json (json містить також відкритий ключ)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>the file to write (replaced if it exists)</source>
        <translation>файл для запису (якщо він існує, його буде замінено)</translation>
    </message>
    <message>
        <source>show the latest entries, oldest first</source>
        <translation>показати останні записи, від найстаріших до найновіших</translation>
    </message>
    <message>
        <source>show at most N entries (default: 50)</source>
        <translation>показати щонайбільше N записів (типово: 50)</translation>
    </message>
    <message>
        <source>only entries of this action, e.g. unlock_failed</source>
        <translation>лише записи з цією дією, наприклад unlock_failed</translation>
    </message>
    <message>
        <source>only entries about this portal</source>
        <translation>лише записи про цей портал</translation>
    </message>
    <message>
        <source>expected a whole number from 1 to %1</source>
        <translation>очікується ціле число від 1 до %1</translation>
    </message>
    <message>
        <source>The audit log is broken at entry %1: %2</source>
        <translation>Цілісність журналу аудиту порушено на записі %1: %2</translation>
    </message>
    <message>
        <source>Intact entries before it: %1. Keep a copy of the file for investigation.</source>
        <translation>Неушкоджених записів перед ним: %1. Збережіть копію файлу для розслідування.</translation>
    </message>
    <message>
        <source>The audit log is intact. Entries verified: %1.</source>
        <translation>Журнал аудиту цілісний. Перевірено записів: %1.</translation>
    </message>
    <message>
        <source>Signed checkpoints: %1.</source>
        <translation>Підписаних контрольних точок: %1.</translation>
    </message>
    <message>
        <source>Entries after the last checkpoint (chained, not yet signed): %1.</source>
        <translation>Записів після останньої контрольної точки (у ланцюжку, ще не підписаних): %1.</translation>
    </message>
    <message>
        <source>Audit entries exported to %1: %2.</source>
        <translation>Записи аудиту експортовано до %1: %2.</translation>
    </message>
    <message>
        <source>Signing key fingerprint: %1</source>
        <translation>Відбиток ключа підпису: %1</translation>
    </message>
    <message>
        <source>Signing key fingerprint: %1 (compare it before trusting the export).</source>
        <translation>Відбиток ключа підпису: %1 (звірте його, перш ніж довіряти експорту).</translation>
    </message>
    <message>
        <source>No audit entries match.</source>
        <translation>Немає відповідних записів аудиту.</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>№</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ЧАС</translation>
    </message>
    <message>
        <source>PORTAL</source>
        <translation>ПОРТАЛ</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>КОРИСТУВАЧ</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>ПОДРОБИЦІ</translation>
    </message>
    <message>
        <source>connect a portal (the connection is checked before anything is stored)</source>
        <translation>підключити портал (з&apos;єднання перевіряється, перш ніж щось буде збережено)</translation>
    </message>
    <message>
        <source>Connect a portal by an inbound webhook or a local OAuth application. Secrets go to the system keyring only. The OAuth client secret and the authorization code are asked for (or read from standard input), never taken from the command line.</source>
        <translation>Підключає портал через вхідний вебхук або локальний OAuth-застосунок. Секрети зберігаються лише в системному сховищі паролів. Секрет клієнта OAuth і код авторизації запитуються (або читаються зі стандартного введення) і ніколи не беруться з командного рядка.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>НАЗВА</translation>
    </message>
    <message>
        <source>a name for the connection</source>
        <translation>назва підключення</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>the inbound webhook address; - reads it from standard input</source>
        <translation>адреса вхідного вебхука; якщо вказати -, її буде прочитано зі стандартного введення</translation>
    </message>
    <message>
        <source>connect a local OAuth application</source>
        <translation>підключити локальний OAuth-застосунок</translation>
    </message>
    <message>
        <source>the portal address, e.g. https://example.bitrix24.ua (OAuth)</source>
        <translation>адреса порталу, наприклад https://example.bitrix24.ua (OAuth)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>the application&apos;s client id (OAuth)</source>
        <translation>ідентифікатор клієнта застосунку (OAuth)</translation>
    </message>
    <message>
        <source>the OAuth token server (default: oauth.bitrix.info)</source>
        <translation>сервер токенів OAuth (типово: oauth.bitrix.info)</translation>
    </message>
    <message>
        <source>the portal&apos;s plan, which sets its request limits</source>
        <translation>тариф порталу, від якого залежать обмеження частоти запитів</translation>
    </message>
    <message>
        <source>replace a portal of the same name</source>
        <translation>замінити портал з такою самою назвою</translation>
    </message>
    <message>
        <source>list the connected portals</source>
        <translation>показати підключені портали</translation>
    </message>
    <message>
        <source>check a connection and show its user and scopes</source>
        <translation>перевірити підключення й показати його користувача та області доступу</translation>
    </message>
    <message>
        <source>forget a portal and delete its secrets</source>
        <translation>забути портал і видалити його секрети</translation>
    </message>
    <message>
        <source>scan a portal for personal data into the encrypted inventory</source>
        <extracomment>Seconds between progress lines when standard error is not a terminal.</extracomment>
        <translation>просканувати портал і зберегти знайдені персональні дані в зашифрованому переліку</translation>
    </message>
    <message>
        <source>Scan a portal: the first scan reads every record, later scans read what changed and find deleted records. An interrupted scan resumes when run again. Progress goes to standard error.</source>
        <translation>Сканує портал: перше сканування читає всі записи, наступні — лише змінене, а також виявляють видалені записи. Перерване сканування продовжується під час повторного запуску. Хід виконання виводиться в стандартний потік помилок.</translation>
    </message>
    <message>
        <source>list a portal&apos;s scans, or what changed between two of them</source>
        <translation>список сканувань порталу або що змінилося між двома з них</translation>
    </message>
    <message>
        <source>Without --diff, every scan of the portal, newest first. With --diff, what changed between two completed scans: kinds of personal data that appeared, custom fields that now hold personal data, and every count that went up or down.</source>
        <translation>Без --diff — усі сканування порталу, від найновішого. З --diff — що змінилося між двома завершеними скануваннями: нові види персональних даних, користувацькі поля, що тепер містять персональні дані, і кожна кількість, яка зросла чи зменшилася.</translation>
    </message>
    <message>
        <source>the portal&apos;s name</source>
        <translation>назва порталу</translation>
    </message>
    <message>
        <source>OLDER</source>
        <translation>СТАРІШЕ</translation>
    </message>
    <message>
        <source>NEWER</source>
        <translation>НОВІШЕ</translation>
    </message>
    <message>
        <source>compare two scans by their numbers</source>
        <translation>порівняти два сканування за їхніми номерами</translation>
    </message>
    <message>
        <source>print machine-readable JSON</source>
        <translation>вивести JSON для машинної обробки</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  records: %5</source>
        <translation>%1  %2  %3  %4  записів: %5</translation>
    </message>
    <message>
        <source>Scan %1 (%2) compared with scan %3 (%4):</source>
        <translation>Сканування № %1 (%2) порівняно зі скануванням № %3 (%4):</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Нічого не змінилося.</translation>
    </message>
    <message>
        <source>New kind: %1</source>
        <translation>Новий вид: %1</translation>
    </message>
    <message>
        <source>New field holding personal data: %1 (%2)</source>
        <translation>Нове поле з персональними даними: %1 (%2)</translation>
    </message>
    <message>
        <source>read every record, not only what changed</source>
        <translation>прочитати всі записи, а не лише змінені</translation>
    </message>
    <message>
        <source>show which personal data a portal holds (latest completed scan)</source>
        <translation>показати, які персональні дані зберігає портал (за останнім завершеним скануванням)</translation>
    </message>
    <message>
        <source>print counts per category, entity, field and kind as JSON</source>
        <translation>вивести кількості за категоріями, об’єктами, полями й видами у форматі JSON</translation>
    </message>
    <message>
        <source>%1: %2 of %3 records</source>
        <translation>%1: %2 з %3 записів</translation>
    </message>
    <message>
        <source>%1: %2 records</source>
        <translation>%1: записів — %2</translation>
    </message>
    <message>
        <source>, %1 records/s</source>
        <translation>, %1 записів/с</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, залишилося близько %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 хв %2 с</translation>
    </message>
    <message>
        <source>Scan cancelled. Run the same command again to resume it.</source>
        <translation>Сканування скасовано. Щоб продовжити його, запустіть ту саму команду ще раз.</translation>
    </message>
    <message>
        <source>Scan %1 of “%2” completed: %3 records.</source>
        <translation>Сканування № %1 порталу «%2» завершено; записів: %3.</translation>
    </message>
    <message>
        <source>Skipped: %1 (the portal refused access: %2).</source>
        <translation>Пропущено: %1 (портал відмовив у доступі: %2).</translation>
    </message>
    <message>
        <source>The portal “%1” has not been scanned yet. Run: privacy-desktop scan %1</source>
        <translation>Портал «%1» ще не скановано. Виконайте: privacy-desktop scan %1</translation>
    </message>
    <message>
        <source>Portal “%1”, scan %2 of %3: %4 records.</source>
        <translation>Портал «%1», сканування № %2 від %3; записів: %4.</translation>
    </message>
    <message>
        <source>--oauth needs --portal-url and --client-id.</source>
        <translation>Для --oauth потрібні --portal-url і --client-id.</translation>
    </message>
    <message>
        <source>Client secret of the application: </source>
        <translation>Секрет клієнта застосунку: </translation>
    </message>
    <message>
        <source>Open this address, allow access and copy the code shown:</source>
        <translation>Відкрийте цю адресу, дозвольте доступ і скопіюйте показаний код:</translation>
    </message>
    <message>
        <source>Authorization code: </source>
        <translation>Код авторизації: </translation>
    </message>
    <message>
        <source>--portal-url, --client-id and --token-url go with --oauth.</source>
        <translation>Параметри --portal-url, --client-id і --token-url використовуються лише разом з --oauth.</translation>
    </message>
    <message>
        <source>Webhook address: </source>
        <translation>Адреса вебхука: </translation>
    </message>
    <message>
        <source>Note: the webhook address holds a secret and command lines are visible to other users of this computer; --webhook - reads it from standard input instead.</source>
        <translation>Увага: адреса вебхука містить секрет, а командні рядки бачать інші користувачі цього комп&apos;ютера; з --webhook - адресу буде прочитано зі стандартного введення.</translation>
    </message>
    <message>
        <source>Portal “%1” added.</source>
        <translation>Портал «%1» додано.</translation>
    </message>
    <message>
        <source>No portals are connected. Add one with: privacy-desktop portal add</source>
        <translation>Жодного порталу не підключено. Додайте портал командою: privacy-desktop portal add</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ТИП</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>ХОСТ</translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation>ТАРИФ</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>вебхук</translation>
    </message>
    <message>
        <source>OAuth</source>
        <translation>OAuth</translation>
    </message>
    <message>
        <source>The connection to “%1” works.</source>
        <translation>З&apos;єднання з «%1» працює.</translation>
    </message>
    <message>
        <source>Portal “%1” removed, and its secrets deleted from the keyring.</source>
        <translation>Портал «%1» видалено, його секрети вилучено зі сховища паролів.</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Verification code</source>
        <extracomment>A TOTP code has 6 digits; a recovery code is ``XXXX-XXXX`` (spaces and dashes allowed).</extracomment>
        <translation>Код перевірки</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 цифр</translation>
    </message>
    <message>
        <source>Enter the code your authenticator app shows for Privacy Desktop, or one of your recovery codes.</source>
        <translation>Введіть код, який застосунок-автентифікатор показує для Privacy Desktop, або один зі своїх кодів відновлення.</translation>
    </message>
    <message>
        <source>What the code is for</source>
        <translation>Для чого потрібен код</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Checking the code</source>
        <translation>Перевірка коду</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>Connected portals</source>
        <translation>Підключені портали</translation>
    </message>
    <message>
        <source>Add portal…</source>
        <translation>Додати портал…</translation>
    </message>
    <message>
        <source>Manage portals…</source>
        <translation>Керувати порталами…</translation>
    </message>
    <message>
        <source>Coming in the next versions</source>
        <translation>У наступних версіях</translation>
    </message>
    <message>
        <source>Later versions add to this page the access grants with the highest risk, the requests of data subjects waiting for an answer and recent exports.</source>
        <translation>У наступних версіях на цій сторінці з’являться надання доступу з найвищим ризиком, запити суб’єктів персональних даних, що очікують на відповідь, і останні експорти.</translation>
    </message>
    <message>
        <source>Loading the list of portals…</source>
        <translation>Завантаження списку порталів…</translation>
    </message>
    <message>
        <source>No portal is connected yet. Add one with an inbound webhook or an OAuth application; the secret is kept in the operating system&apos;s keyring.</source>
        <translation>Ще жодного порталу не підключено. Додайте портал через вхідний вебхук або OAuth-застосунок; секрет зберігатиметься в сховищі паролів операційної системи.</translation>
    </message>
</context>
<context>
    <name>DemoPortalCli</name>
    <message>
        <source>port on 127.0.0.1 (0: any free port)</source>
        <extracomment>Context of the option help texts; the CLI translates them (this layer has no Qt).</extracomment>
        <translation>порт на 127.0.0.1 (0: будь-який вільний)</translation>
    </message>
    <message>
        <source>seed of the generated data</source>
        <translation>початкове значення генератора даних</translation>
    </message>
    <message>
        <source>number of employees</source>
        <translation>кількість працівників</translation>
    </message>
    <message>
        <source>number of CRM contacts</source>
        <translation>кількість контактів CRM</translation>
    </message>
    <message>
        <source>number of CRM leads</source>
        <translation>кількість лідів CRM</translation>
    </message>
    <message>
        <source>number of companies</source>
        <translation>кількість компаній</translation>
    </message>
    <message>
        <source>number of deals</source>
        <translation>кількість угод</translation>
    </message>
    <message>
        <source>the plan whose REST limits the portal enforces</source>
        <translation>тариф, обмеження REST якого застосовує портал</translation>
    </message>
    <message>
        <source>requests per second the rate limit drains (overrides the plan)</source>
        <translation>запитів за секунду, які звільняє обмеження частоти (замість тарифного)</translation>
    </message>
    <message>
        <source>requests the rate limit lets through at once (overrides the plan)</source>
        <translation>запитів, які обмеження частоти пропускає одразу (замість тарифного)</translation>
    </message>
    <message>
        <source>multiplies simulated execution times and the operating-time window</source>
        <translation>множник змодельованого часу виконання та вікна ліміту часу виконання</translation>
    </message>
    <message>
        <source>seconds of execution one method may use per window (before scaling)</source>
        <translation>секунд виконання, які один метод може використати за вікно (до масштабування)</translation>
    </message>
    <message>
        <source>simulated seconds per table row to count a total (start &gt;= 0)</source>
        <translation>змодельовані секунди на рядок таблиці для підрахунку total (start &gt;= 0)</translation>
    </message>
    <message>
        <source>share of requests answered with an injected fault</source>
        <translation>частка запитів, на які портал відповідає навмисною помилкою</translation>
    </message>
    <message>
        <source>seed of the fault injection</source>
        <translation>початкове значення генератора помилок</translation>
    </message>
    <message>
        <source>OAuth access-token lifetime in seconds</source>
        <translation>час життя токена доступу OAuth у секундах</translation>
    </message>
    <message>
        <source>OAuth client id: %1</source>
        <translation>Ідентифікатор клієнта OAuth: %1</translation>
    </message>
    <message>
        <source>OAuth client secret: %1</source>
        <translation>Секрет клієнта OAuth: %1</translation>
    </message>
    <message>
        <source>OAuth token URL: %1</source>
        <translation>URL сервера токенів OAuth: %1</translation>
    </message>
    <message>
        <source>Authorization page: %1</source>
        <translation>Сторінка авторизації: %1</translation>
    </message>
    <message>
        <source>Statistics: %1</source>
        <translation>Статистика: %1</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Set up two-step verification</source>
        <translation>Налаштування двоетапної перевірки</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Двоетапна перевірка</translation>
    </message>
    <message>
        <source>Privacy Desktop holds the keys to your portal and a copy of its personal data. With two-step verification, unlocking the application, revoking access, revealing hidden values in bulk, exporting without encryption and changing security settings need a code from an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).</source>
        <translation>Privacy Desktop зберігає ключі до вашого порталу та копію його персональних даних. Якщо ввімкнено двоетапну перевірку, то для розблокування застосунку, відкликання доступу, масового розкриття прихованих значень, експорту без шифрування та зміни налаштувань безпеки потрібен код із застосунку-автентифікатора на вашому телефоні (наприклад, FreeOTP, Aegis, Google Authenticator або Microsoft Authenticator).</translation>
    </message>
    <message>
        <source>Add Privacy Desktop to the authenticator app</source>
        <translation>Додайте Privacy Desktop до застосунку-автентифікатора</translation>
    </message>
    <message>
        <source>Scan the QR code with the app. If you cannot scan it, add an account by hand and type the key (a time-based code).</source>
        <translation>Відскануйте QR-код застосунком. Якщо відсканувати його не вдається, додайте обліковий запис вручну й введіть ключ (код на основі часу).</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Ключ:</translation>
    </message>
    <message>
        <source>Key for the authenticator app</source>
        <translation>Ключ для застосунку-автентифікатора</translation>
    </message>
    <message>
        <source>Enter the first code</source>
        <translation>Введіть перший код</translation>
    </message>
    <message>
        <source>Enter the six-digit code the app now shows for Privacy Desktop.</source>
        <translation>Введіть шестизначний код, який застосунок зараз показує для Privacy Desktop.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Код перевірки</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 цифр</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>Коди відновлення</translation>
    </message>
    <message>
        <source>Two-step verification is on</source>
        <translation>Двоетапну перевірку ввімкнено</translation>
    </message>
    <message>
        <source>From now on Privacy Desktop asks for a code when it starts, when it unlocks and before guarded actions. Lock it at any time with Ctrl+L.</source>
        <translation>Відтепер Privacy Desktop запитуватиме код під час запуску, під час розблокування та перед захищеними діями. Заблокувати застосунок можна будь-коли клавішами Ctrl+L.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Виконується</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Почати</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далі &gt;</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>Під&amp;твердити</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
</context>
<context>
    <name>ExportsView</name>
    <message>
        <source>Exports</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>This view will keep the bundles you create: all data about one person, to answer an access request, or one category of data, for a review or an inspection. It will list each bundle with its date, scope and recipients, and verify bundles received from others.</source>
        <translation>Тут зберігатимуться створені вами пакети: усі дані про одну особу (для відповіді на запит про доступ) або одна категорія даних (для перегляду чи перевірки). Для кожного пакета буде вказано дату, обсяг і одержувачів; також тут можна буде перевіряти пакети, отримані від інших.</translation>
    </message>
    <message>
        <source>What a bundle holds</source>
        <translation>Що містить пакет</translation>
    </message>
    <message>
        <source>The records in JSON and CSV, a readable report in Ukrainian as PDF, and a manifest naming every file with its checksum.</source>
        <translation>Записи у форматах JSON і CSV, зрозумілий звіт українською мовою у форматі PDF і маніфест із переліком усіх файлів та їхніх контрольних сум.</translation>
    </message>
    <message>
        <source>How it is protected</source>
        <translation>Як він захищений</translation>
    </message>
    <message>
        <source>Bundles are encrypted to the public keys of their recipients and signed, so only the recipients can open them and anyone can check that nothing was changed. Plain copies of personal data are never left on disk.</source>
        <translation>Пакети шифруються відкритими ключами одержувачів і підписуються, тож відкрити їх можуть лише одержувачі, а перевірити, що нічого не змінено, — будь-хто. Незашифровані копії персональних даних ніколи не залишаються на диску.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Навіщо</translation>
    </message>
    <message>
        <source>A person who asks what is held about them under the Law of Ukraine No. 2297-VI “On Personal Data” is entitled to receive it; a bundle gives a complete and checkable answer without e-mailing spreadsheets.</source>
        <translation>Особа, яка запитує, які дані про неї зберігаються, має право отримати їх відповідно до Закону України «Про захист персональних даних» № 2297-VI; пакет дає повну відповідь, яку можна перевірити, без пересилання таблиць електронною поштою.</translation>
    </message>
</context>
<context>
    <name>Grants</name>
    <message>
        <source>Marketplace application</source>
        <extracomment>This tool&apos;s own OAuth connection (or webhook) to the portal.</extracomment>
        <translation>Застосунок з Маркетплейсу</translation>
    </message>
    <message>
        <source>Local application</source>
        <translation>Локальний застосунок</translation>
    </message>
    <message>
        <source>Inbound webhook</source>
        <translation>Вхідний вебхук</translation>
    </message>
    <message>
        <source>Outbound webhook handler</source>
        <translation>Обробник вихідного вебхука</translation>
    </message>
    <message>
        <source>This tool&apos;s connection</source>
        <translation>Підключення цієї програми</translation>
    </message>
    <message>
        <source>3.2.1 The person agreed to the disclosure in advance</source>
        <extracomment>The grounds as the privacy terms word them (section 3.2, abridged).</extracomment>
        <translation>3.2.1 Користувач завчасно висловив свою згоду на таке розкриття</translation>
    </message>
    <message>
        <source>3.2.2 Needed to perform a contract to which the person is a party, beneficiary or guarantor, or to conclude one on the person&apos;s initiative</source>
        <translation>3.2.2 Передача необхідна для виконання договору, стороною якого або вигодонабувачем або поручителем за яким є Користувач, а також для укладення договору з ініціативи Користувача</translation>
    </message>
    <message>
        <source>3.2.3 Needed to protect the rights and lawful interests of Bitrix24 or third parties when the person breaches Bitrix24&apos;s copyright or licence agreement</source>
        <translation>3.2.3 Передача необхідна для захисту прав і законних інтересів «Бітрікс24» або третіх осіб у випадках, коли Користувач порушує авторські права «Бітрікс24» та/або відповідну Ліцензійну угоду</translation>
    </message>
    <message>
        <source>3.2.4 Needed to connect or register third-party products (Marketplace) in the name of the person or the organisation they represent</source>
        <translation>3.2.4 Передача необхідна для підключення та/або реєстрації сторонніх програмних продуктів («Маркетплейс») на ім’я Користувача або організації, інтереси якої представляє Користувач</translation>
    </message>
    <message>
        <source>3.2.5 Needed for the administration of justice or the enforcement of a court or other authority&apos;s decision under the laws of Ukraine</source>
        <translation>3.2.5 Передача необхідна для здійснення правосуддя, виконання судового акта, акта іншого органу або посадової особи відповідно до законодавства України</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>Revocation requested</source>
        <translation>Запитано відкликання</translation>
    </message>
    <message>
        <source>Revoked (verified)</source>
        <translation>Відкликано (перевірено)</translation>
    </message>
    <message>
        <source>Found through the API</source>
        <translation>Знайдено через API</translation>
    </message>
    <message>
        <source>Found from data footprints</source>
        <translation>Знайдено за слідами в даних</translation>
    </message>
    <message>
        <source>Imported from a file</source>
        <translation>Імпортовано з файлу</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Введено вручну</translation>
    </message>
    <message>
        <source>Read from the portal&apos;s database</source>
        <translation>Зчитано з бази даних порталу</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низький</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Середній</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Високий</translation>
    </message>
    <message>
        <source>Scopes reaching personal data (%n): %1</source>
        <extracomment>Weight of each point of a scope&apos;s sensitivity (so scopes count even before a scan). An unknown scope weighs as free-form content: it may reach anything. Raw value that maps to a score of about 63 (1 − 1/e).</extracomment>
        <translation>Області доступу до персональних даних (%n): %1</translation>
    </message>
    <message>
        <source>Unknown scopes, assumed to reach personal data: %1</source>
        <translation>Невідомі області доступу (вважається, що вони охоплюють персональні дані): %1</translation>
    </message>
    <message>
        <source>The portal has not been scanned: the score weighs the scopes only</source>
        <translation>Портал ще не скановано: оцінка враховує лише області доступу</translation>
    </message>
    <message>
        <source>Records with personal data it can reach: %n</source>
        <translation>Доступних записів із персональними даними: %n</translation>
    </message>
    <message>
        <source>It reaches highly sensitive data (tax numbers, passports, bank accounts)</source>
        <translation>Має доступ до особливо чутливих даних (податкові номери, паспорти, банківські рахунки)</translation>
    </message>
    <message>
        <source>Scopes reaching data the inventory does not count (files, chats…): %1</source>
        <translation>Області доступу до даних, не врахованих у переліку персональних даних (файли, чати…): %1</translation>
    </message>
    <message>
        <source>No legal ground (3.2.1–3.2.5) is recorded</source>
        <translation>Правову підставу (3.2.1–3.2.5) не зазначено</translation>
    </message>
    <message>
        <source>Records it created or changed: %n</source>
        <translation>Створених або змінених ним записів: %n</translation>
    </message>
    <message>
        <source>Event handlers and widgets it registered: %n</source>
        <translation>Зареєстрованих ним обробників подій і віджетів: %n</translation>
    </message>
    <message>
        <source>Days since its last known activity: %n</source>
        <translation>Днів від останньої відомої активності: %n</translation>
    </message>
    <message>
        <source>No sign of activity found</source>
        <translation>Ознак активності не виявлено</translation>
    </message>
</context>
<context>
    <name>GrantsView</name>
    <message>
        <source>Access grants</source>
        <translation>Доступи</translation>
    </message>
    <message>
        <source>This view will list everything that has been given access to the portal&apos;s data: inbound webhooks, local and Marketplace applications, with the scopes each holds (crm, user, telephony, im, disk …) and the personal data those scopes expose.</source>
        <translation>Тут буде перелік усього, чому надано доступ до даних порталу: вхідних вебхуків, локальних застосунків і застосунків з Маркетплейсу — з областями доступу кожного (crm, user, telephony, im, disk …) і персональними даними, які ці області доступу відкривають.</translation>
    </message>
    <message>
        <source>Why grants need watching</source>
        <translation>Чому за доступами треба стежити</translation>
    </message>
    <message>
        <source>Under section 4.3 of the Bitrix24 privacy terms, installing a third-party application or service gives it access to the data in the portal, and Bitrix24 bears no responsibility for what that application discloses, changes or deletes. The portal&apos;s owner answers for it.</source>
        <translation>Згідно з розділом 4.3 умов конфіденційності Бітрікс24, встановлення стороннього застосунку чи сервісу надає йому доступ до даних на порталі, і Бітрікс24 не несе жодної відповідальності за те, що цей застосунок розкриє, змінить або видалить. Відповідальність за це несе власник порталу.</translation>
    </message>
    <message>
        <source>A legal ground for every transfer</source>
        <translation>Правова підстава для кожної передачі</translation>
    </message>
    <message>
        <source>Section 3.2 of the terms lists when personal information may be disclosed to third parties: the person&apos;s consent (3.2.1), a contract (3.2.2), protection of rights (3.2.3), connecting third-party products (3.2.4) and justice (3.2.5). Each grant will be recorded with its ground, its purpose and a risk rating.</source>
        <translation>Розділ 3.2 умов визначає, коли персональну інформацію можна розкривати третім особам: за згодою особи (3.2.1), для виконання договору (3.2.2), для захисту прав (3.2.3), для підключення сторонніх продуктів (3.2.4) і для здійснення правосуддя (3.2.5). Кожне надання доступу буде зафіксовано з його підставою, метою та оцінкою ризику.</translation>
    </message>
    <message>
        <source>Verified revocation</source>
        <translation>Перевірене відкликання</translation>
    </message>
    <message>
        <source>A grant no longer needed can be revoked from here; the tool then checks that the webhook or application really lost access and writes the result to the audit log. Revoking asks for your second factor.</source>
        <translation>Доступ, який більше не потрібен, можна відкликати звідси; після цього програма перевірить, що вебхук або застосунок справді втратив доступ, і запише результат у журнал аудиту. Для відкликання потрібне підтвердження двоетапною перевіркою.</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>There is no scan number %1 of this portal.</source>
        <translation>Сканування № %1 цього порталу не існує.</translation>
    </message>
    <message>
        <source>The value is not shown because the audit log could not record that it was revealed.</source>
        <translation>Значення не показано, бо журнал аудиту не зміг зафіксувати його розкриття.</translation>
    </message>
</context>
<context>
    <name>InventoryOverview</name>
    <message>
        <source>Personal data in the active portal</source>
        <translation>Персональні дані на активному порталі</translation>
    </message>
    <message>
        <source>&amp;Scan now</source>
        <translation>&amp;Сканувати зараз</translation>
    </message>
    <message>
        <source>Read what changed in the portal since the last scan (read-only)</source>
        <translation>Прочитати зміни на порталі з часу останнього сканування (лише читання)</translation>
    </message>
    <message>
        <source>&amp;Full scan</source>
        <translation>&amp;Повне сканування</translation>
    </message>
    <message>
        <source>Read every record again instead of the changes only</source>
        <translation>Прочитати всі записи заново, а не лише зміни</translation>
    </message>
    <message>
        <source>Records by category of the privacy terms</source>
        <translation>Записи за категоріями умов конфіденційності</translation>
    </message>
    <message>
        <source>Records by category</source>
        <translation>Записи за категоріями</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Даних ще немає</translation>
    </message>
    <message>
        <source>Records by kind of personal data</source>
        <translation>Записи за видами персональних даних</translation>
    </message>
    <message>
        <source>Records by kind of data</source>
        <translation>Записи за видами даних</translation>
    </message>
    <message>
        <source>Changed since the previous scan</source>
        <translation>Зміни з часу попереднього сканування</translation>
    </message>
    <message>
        <source>Connect a portal to scan it.</source>
        <translation>Підключіть портал, щоб сканувати його.</translation>
    </message>
    <message>
        <source>Loading the inventory…</source>
        <translation>Завантаження переліку персональних даних…</translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation>%1: %2
%3</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message>
        <source>Two completed scans are needed to compare.</source>
        <translation>Для порівняння потрібні два завершені сканування.</translation>
    </message>
    <message>
        <source>Nothing changed between the last two scans.</source>
        <translation>Між двома останніми скануваннями нічого не змінилося.</translation>
    </message>
    <message>
        <source>Scanning %1…</source>
        <translation>Сканування порталу «%1»…</translation>
    </message>
    <message>
        <source>The scan is complete: %1.</source>
        <translation>Сканування завершено: %1.</translation>
    </message>
    <message>
        <source>The scan stopped: %1</source>
        <translation>Сканування зупинилося: %1</translation>
    </message>
    <message>
        <source>The scan was cancelled. What it read is kept; the next scan continues from there.</source>
        <translation>Сканування скасовано. Прочитане збережено; наступне сканування продовжить із цього місця.</translation>
    </message>
</context>
<context>
    <name>InventoryTexts</name>
    <message>
        <source>full scan</source>
        <translation>повне сканування</translation>
    </message>
    <message>
        <source>incremental scan</source>
        <translation>сканування змін</translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation>триває або перерване</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершене</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>скасоване</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>невдале</translation>
    </message>
    <message>
        <source>This portal has not been scanned yet.</source>
        <translation>Цей портал ще не скановано.</translation>
    </message>
    <message>
        <source>Last scan: %1 (%2), records: %3</source>
        <translation>Останнє сканування: %1 (%2), записів: %3</translation>
    </message>
    <message>
        <source>New kind of data: %1 in %2</source>
        <translation>Новий вид даних: %1 у розділі «%2»</translation>
    </message>
    <message>
        <source>New field holding personal data: %1 in %2 (%3)</source>
        <translation>Нове поле з персональними даними: %1 у розділі «%2» (%3)</translation>
    </message>
    <message>
        <source>%1, %2, %3: up from %4 to %5</source>
        <translation>%1, %2, %3: зросло з %4 до %5</translation>
    </message>
    <message>
        <source>%1, %2, %3: down from %4 to %5</source>
        <translation>%1, %2, %3: зменшилося з %4 до %5</translation>
    </message>
</context>
<context>
    <name>InventoryTreeModel</name>
    <message>
        <source>Personal data</source>
        <extracomment>Custom roles: the node&apos;s level, and the (entity, field, kind) a drill-down needs.</extracomment>
        <translation>Персональні дані</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Мета</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) scanned</source>
        <translation>
            <numerusform>Проскановано %n запис</numerusform>
            <numerusform>Проскановано %n записи</numerusform>
            <numerusform>Проскановано %n записів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) hold it</source>
        <translation>
            <numerusform>Міститься в %n записі</numerusform>
            <numerusform>Міститься в %n записах</numerusform>
            <numerusform>Міститься в %n записах</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Privacy Desktop</source>
        <extracomment>What the field asks for; None until the vault pool has looked it up.</extracomment>
        <translation>Privacy Desktop</translation>
    </message>
    <message>
        <source>Privacy Desktop is locked</source>
        <translation>Privacy Desktop заблоковано</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Розблокувати</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Lock-out</source>
        <translation>Тимчасове блокування</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>This session cannot be unlocked here.</source>
        <translation>Цей сеанс не можна розблокувати тут.</translation>
    </message>
    <message>
        <source>Unlock field</source>
        <translation>Поле розблокування</translation>
    </message>
    <message>
        <source>Two-step verification is off and this computer offers no account check. Quit Privacy Desktop and start it again; then turn on two-step verification in the settings.</source>
        <translation>Двоетапну перевірку вимкнено, а цей комп’ютер не надає способу перевірити обліковий запис. Закрийте Privacy Desktop і запустіть його знову, а потім увімкніть двоетапну перевірку в налаштуваннях.</translation>
    </message>
    <message>
        <source>Enter the &amp;password of your computer account:</source>
        <translation>Введіть &amp;пароль свого облікового запису на комп’ютері:</translation>
    </message>
    <message>
        <source>Account password</source>
        <translation>Пароль облікового запису</translation>
    </message>
    <message>
        <source>Two-step verification is off, so your computer account&apos;s password unlocks Privacy Desktop. Turn two-step verification on in the settings for stronger protection.</source>
        <translation>Двоетапну перевірку вимкнено, тому Privacy Desktop розблоковується паролем вашого облікового запису на комп’ютері. Для надійнішого захисту ввімкніть двоетапну перевірку в налаштуваннях.</translation>
    </message>
    <message>
        <source>Enter the &amp;code from your authenticator app:</source>
        <translation>Введіть &amp;код із застосунку-автентифікатора:</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Код перевірки</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 цифр</translation>
    </message>
    <message>
        <source>Lost the phone? Enter one of your recovery codes (XXXX-XXXX) instead. Each recovery code works once.</source>
        <translation>Втратили телефон? Натомість введіть один зі своїх кодів відновлення (XXXX-XXXX). Кожен код відновлення діє лише один раз.</translation>
    </message>
    <message>
        <source>It locked itself after a time without activity.</source>
        <translation>Застосунок заблокувався після певного часу бездіяльності.</translation>
    </message>
    <message>
        <source>It was locked on request.</source>
        <translation>Застосунок заблоковано на вимогу.</translation>
    </message>
    <message>
        <source>It locked together with the screen.</source>
        <translation>Застосунок заблокувався разом з екраном.</translation>
    </message>
    <message>
        <source>It locked when the computer went to sleep.</source>
        <translation>Застосунок заблокувався, коли комп’ютер перейшов у режим сну.</translation>
    </message>
    <message>
        <source>You can try again at %1.</source>
        <translation>Спробувати ще раз можна о %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <extracomment>Window geometry is Qt&apos;s own binary blob, so it lives in a Qt ini file beside settings.json.</extracomment>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональні дані</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Access grants</source>
        <translation>Доступи</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;Add portal…</source>
        <translation>&amp;Додати портал…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>&amp;About Privacy Desktop</source>
        <translation>&amp;Про Privacy Desktop</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Розділи</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Портал</translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation>&amp;Портал:</translation>
    </message>
    <message>
        <source>Active portal</source>
        <translation>Активний портал</translation>
    </message>
    <message>
        <source>No portal connected</source>
        <translation>Портал не підключено</translation>
    </message>
    <message>
        <source>Loading portals…</source>
        <translation>Завантаження порталів…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This language is missing from the installation.</source>
        <translation>Цієї мови немає у встановленій програмі.</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>ще не визначено</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Privacy Desktop %1&lt;/h3&gt;&lt;p&gt;See which personal data a Bitrix24 portal holds, who can reach it, and answer the requests of the people it belongs to.&lt;/p&gt;&lt;p&gt;Application ID: %2&lt;br&gt;Keyring in use: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Privacy Desktop %1&lt;/h3&gt;&lt;p&gt;Показує, які персональні дані зберігає портал Бітрікс24 і хто має до них доступ, і допомагає відповідати на запити людей, яким ці дані належать.&lt;/p&gt;&lt;p&gt;Ідентифікатор застосунку: %2&lt;br&gt;Сховище паролів: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Privacy Desktop</source>
        <translation>Про Privacy Desktop</translation>
    </message>
</context>
<context>
    <name>NoKeyringDialog</name>
    <message>
        <source>No secure keyring</source>
        <translation>Немає захищеного сховища паролів</translation>
    </message>
    <message>
        <source>Privacy Desktop cannot keep secrets safely</source>
        <translation>Privacy Desktop не може безпечно зберігати секрети</translation>
    </message>
    <message>
        <source>Keyring backend found: %1</source>
        <translation>Знайдений модуль сховища паролів: %1</translation>
    </message>
</context>
<context>
    <name>OsAccount</name>
    <message>
        <source>The session cannot be unlocked: two-step verification is off and this computer offers no way to check your account password. Restart Privacy Desktop, then turn on two-step verification in the security settings so that locking can protect your data.</source>
        <extracomment>The PAM service whose stack checks the password. ``login`` exists on every Linux system and runs the usual ``common-auth``/``system-auth`` modules (pam_unix, pam_sss, …). Checks the current OS user&apos;s password; raises :class:`WrongAccountPassword` to refuse and :class:`UnlockUnavailable` if no check can be made.</extracomment>
        <translation>Сеанс неможливо розблокувати: двоетапну перевірку вимкнено, а цей комп’ютер не надає способу перевірити пароль вашого облікового запису. Перезапустіть Privacy Desktop, а потім увімкніть двоетапну перевірку в налаштуваннях безпеки, щоб блокування захищало ваші дані.</translation>
    </message>
    <message>
        <source>The password is not correct. Enter the password you use to log in to this computer.</source>
        <translation>Неправильний пароль. Введіть пароль, яким ви входите в систему на цьому комп’ютері.</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>This view will find one person — a data subject — across the whole portal: portal users, CRM contacts, leads, companies and deals, matched by name, e-mail, phone number or taxpayer number. It answers from the local inventory, so a search never waits for the network or for a running scan.</source>
        <translation>Тут можна буде знайти одну особу — суб&apos;єкта персональних даних — по всьому порталу: серед користувачів порталу, контактів, лідів, компаній та угод CRM — за ім&apos;ям, адресою електронної пошти, номером телефону або РНОКПП. Відповідь береться з локального реєстру, тож пошук ніколи не чекає на мережу чи на сканування, що триває.</translation>
    </message>
    <message>
        <source>Everything held about a person</source>
        <translation>Усе, що зберігається про особу</translation>
    </message>
    <message>
        <source>For each match it will list the records, the fields with personal data, their category (1.1–1.4 of the privacy terms), the sources they came from and the applications and webhooks that can reach them.</source>
        <translation>Для кожного збігу буде показано записи, поля з персональними даними, їхню категорію (розділи 1.1–1.4 умов конфіденційності), джерела, з яких вони надійшли, а також застосунки й вебхуки, що мають до них доступ.</translation>
    </message>
    <message>
        <source>Requests under Law 2297-VI</source>
        <translation>Запити за Законом № 2297-VI</translation>
    </message>
    <message>
        <source>Article 8 of the Law of Ukraine “On Personal Data” gives a person the right to know where their data is and why it is processed, to get access to it, to object to the processing, to demand that it be changed or deleted and to withdraw consent. This view prepares the answer: what is held, on which ground, and who received it.</source>
        <translation>Стаття 8 Закону України «Про захист персональних даних» № 2297-VI надає особі право знати, де перебувають її дані і з якою метою вони обробляються, отримувати до них доступ, заперечувати проти обробки, вимагати їх зміни чи знищення та відкликати згоду. Тут готується відповідь: що зберігається, на якій підставі і кому це передано.</translation>
    </message>
    <message>
        <source>From answer to action</source>
        <translation>Від відповіді до дії</translation>
    </message>
    <message>
        <source>From a person&apos;s page you will be able to export their data as a signed, encrypted bundle, and every search and export is written to the audit log.</source>
        <translation>Зі сторінки особи можна буде експортувати її дані як підписаний зашифрований пакет, а кожен пошук і експорт записується в журнал аудиту.</translation>
    </message>
</context>
<context>
    <name>PersonalData</name>
    <message>
        <source>Users</source>
        <extracomment>When a person last signed in or was active (collected automatically, 1.2). Metadata of a call, e-mail or meeting: its subject, direction, the other party. A person&apos;s consent to the processing of their data (what, when, from where). Given by the person at registration or in forms. Collected automatically while the products are used (cookies, communications). User data: anything uploaded or entered into the portal (CRM, files, tasks). Other information, received only for the purposes of section 2. A standard field whose meaning is documented (NAME, PHONE, RQ_INN, …). A custom (``UF_*``) field, classified from a sample of its values. Set by the administrator. How sensitive each kind is, 1 (low) to 3 (high); the risk score of a grant weighs by it.</extracomment>
        <translation>Користувачі</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Підрозділи</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакти</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Ліди</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компанії</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Угоди</translation>
    </message>
    <message>
        <source>Requisites</source>
        <translation>Реквізити</translation>
    </message>
    <message>
        <source>Bank details</source>
        <translation>Банківські реквізити</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Справи</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Згоди</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Номер телефону</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Адреса електронної пошти</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Поштова адреса</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Messenger account</source>
        <translation>Обліковий запис у месенджері</translation>
    </message>
    <message>
        <source>Website or social profile</source>
        <translation>Вебсайт або профіль у соцмережі</translation>
    </message>
    <message>
        <source>Individual tax number (RNOKPP)</source>
        <translation>Реєстраційний номер облікової картки платника податків (РНОКПП)</translation>
    </message>
    <message>
        <source>Company code (EDRPOU)</source>
        <translation>Код ЄДРПОУ</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>Номер паспорта</translation>
    </message>
    <message>
        <source>Bank account (IBAN)</source>
        <translation>Банківський рахунок (IBAN)</translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation>Номер банківської картки</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адреса</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Посада</translation>
    </message>
    <message>
        <source>Sign-in time</source>
        <translation>Час входу</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Комунікація</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>1.1 Given at registration and in forms</source>
        <translation>1.1 Надане під час реєстрації та у формах</translation>
    </message>
    <message>
        <source>1.2 Collected automatically</source>
        <translation>1.2 Зібране автоматично</translation>
    </message>
    <message>
        <source>1.3 Uploaded into the portal</source>
        <translation>1.3 Внесене в портал</translation>
    </message>
    <message>
        <source>1.4 Other information</source>
        <translation>1.4 Інша інформація</translation>
    </message>
    <message>
        <source>2.1 Identifying the user of the products</source>
        <translation>2.1 Ідентифікація користувача продуктів</translation>
    </message>
    <message>
        <source>2.2 Personalised records of visits and actions (cookies)</source>
        <translation>2.2 Персоналізований облік відвідувань і дій (cookies)</translation>
    </message>
    <message>
        <source>2.3 Dealing with the person under a contract or agreement</source>
        <translation>2.3 Взаємодія з особою в межах договору чи угоди</translation>
    </message>
    <message>
        <source>2.4 Statistics and research on depersonalised data</source>
        <translation>2.4 Статистика й дослідження на знеособлених даних</translation>
    </message>
</context>
<context>
    <name>PersonalDataView</name>
    <message>
        <source>Personal data</source>
        <translation>Персональні дані</translation>
    </message>
    <message>
        <source>What the active portal holds, sorted by the categories of the Bitrix24 privacy terms (1.1 given at registration and in forms, 1.2 collected automatically, 1.3 uploaded into the portal, 1.4 other) with the purposes of section 2. The Law of Ukraine No. 2297-VI “On Personal Data” asks the owner of personal data to know what is processed and why. Select a field to list the records holding it; values stay masked until you reveal them, and every reveal is written to the audit log.</source>
        <translation>Що зберігається на активному порталі — за категоріями умов конфіденційності Бітрікс24 (1.1 — надане під час реєстрації та у формах, 1.2 — зібране автоматично, 1.3 — внесене в портал, 1.4 — інше) з метою обробки згідно з розділом 2. Закон України № 2297-VI «Про захист персональних даних» вимагає, щоб володілець персональних даних знав, що і з якою метою обробляється. Виберіть поле, щоб побачити записи, які його містять; значення залишаються прихованими, доки ви їх не розкриєте, і кожне розкриття записується в журнал аудиту.</translation>
    </message>
    <message>
        <source>Personal data by category</source>
        <translation>Персональні дані за категоріями</translation>
    </message>
    <message>
        <source>No portal is connected.</source>
        <translation>Жодного порталу не підключено.</translation>
    </message>
    <message>
        <source>Loading portals…</source>
        <translation>Завантаження порталів…</translation>
    </message>
    <message>
        <source>Loading the inventory…</source>
        <translation>Завантаження переліку персональних даних…</translation>
    </message>
    <message>
        <source>This portal has not been scanned yet: start a scan on the Dashboard.</source>
        <translation>Цей портал ще не скановано: запустіть сканування на сторінці «Огляд».</translation>
    </message>
</context>
<context>
    <name>PortalCard</name>
    <message>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Підключення:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Тариф:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Області доступу:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Стан:</translation>
    </message>
    <message>
        <source>Last check:</source>
        <translation>Остання перевірка:</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Перевірити зараз</translation>
    </message>
    <message>
        <source>Check the connection to %1</source>
        <translation>Перевірити з&apos;єднання з «%1»</translation>
    </message>
</context>
<context>
    <name>PortalError</name>
    <message>
        <source>The portal did not accept the webhook or token. Check that the webhook address is copied completely and that the webhook still exists.</source>
        <translation>Портал не прийняв вебхук або токен. Перевірте, чи адресу вебхука скопійовано повністю і чи вебхук досі існує.</translation>
    </message>
    <message>
        <source>The portal has no active webhook with this user id and secret. It may have been deleted or have expired; create a new one and paste its address.</source>
        <translation>На порталі немає активного вебхука з таким ідентифікатором користувача та секретом. Можливо, його видалено або термін його дії минув; створіть новий і вставте його адресу.</translation>
    </message>
    <message>
        <source>The access token is not valid. Connect the application to the portal again.</source>
        <translation>Токен доступу недійсний. Підключіть застосунок до порталу ще раз.</translation>
    </message>
    <message>
        <source>The authorization code or renewal token is not valid any more. Connect the application to the portal again.</source>
        <translation>Код авторизації або токен оновлення більше не дійсний. Підключіть застосунок до порталу ще раз.</translation>
    </message>
    <message>
        <source>The OAuth server did not accept the application&apos;s client id or secret, or the application is not installed on the portal.</source>
        <translation>Сервер OAuth не прийняв ідентифікатор або секрет клієнта застосунку, або застосунок не встановлено на порталі.</translation>
    </message>
    <message>
        <source>The OAuth server refused the request as malformed.</source>
        <translation>Сервер OAuth відхилив запит як некоректний.</translation>
    </message>
    <message>
        <source>The portal could not sign in the user of this credential; the user may have been dismissed.</source>
        <translation>Порталу не вдалося авторизувати користувача цих облікових даних; можливо, користувача звільнено.</translation>
    </message>
    <message>
        <source>The application is not installed on the portal any more. Connect it again.</source>
        <translation>Застосунок більше не встановлено на порталі. Підключіть його ще раз.</translation>
    </message>
    <message>
        <source>The portal accepts this credential only over HTTPS.</source>
        <translation>Портал приймає ці облікові дані лише через HTTPS.</translation>
    </message>
    <message>
        <source>The portal did not accept the credential (error %1).</source>
        <translation>Портал не прийняв облікові дані (помилка %1).</translation>
    </message>
    <message>
        <source>The access token has expired and could not be renewed. Connect the application to the portal again.</source>
        <translation>Термін дії токена доступу минув, і оновити його не вдалося. Підключіть застосунок до порталу ще раз.</translation>
    </message>
    <message>
        <source>The method %1 works only for an installed application, not through a webhook.</source>
        <translation>Метод %1 працює лише для встановленого застосунку, а не через вебхук.</translation>
    </message>
    <message>
        <source>The application is not allowed for this user. Ask the portal administrator to give the user access to it.</source>
        <translation>Цьому користувачеві не дозволено користуватися застосунком. Попросіть адміністратора порталу надати користувачеві доступ до нього.</translation>
    </message>
    <message>
        <source>The portal has been deleted or closed.</source>
        <translation>Портал видалено або закрито.</translation>
    </message>
    <message>
        <source>Bitrix24 has blocked REST access to this portal because of overload. Contact Bitrix24 support.</source>
        <translation>Бітрікс24 заблокував REST-доступ до цього порталу через перевантаження. Зверніться до служби підтримки Бітрікс24.</translation>
    </message>
    <message>
        <source>The portal&apos;s or the application&apos;s subscription has ended; REST access is closed until it is paid.</source>
        <translation>Термін передплати порталу або застосунку закінчився; REST-доступ закрито до її оплати.</translation>
    </message>
    <message>
        <source>The method %1 is waiting for the portal administrator&apos;s approval.</source>
        <translation>Метод %1 очікує на схвалення адміністратора порталу.</translation>
    </message>
    <message>
        <source>The portal administrator did not approve the method %1.</source>
        <translation>Адміністратор порталу не схвалив метод %1.</translation>
    </message>
    <message>
        <source>The portal denied access to %1. The user of this credential may lack the rights, or the portal&apos;s plan may not include REST access.</source>
        <translation>Портал відмовив у доступі до %1. Можливо, користувач цих облікових даних не має потрібних прав або тариф порталу не передбачає REST-доступу.</translation>
    </message>
    <message>
        <source>The webhook or application lacks the permission (scope) needed for %1. Add the scope in the portal&apos;s developer resources and try again.</source>
        <translation>Вебхуку або застосунку бракує дозволу (області доступу), потрібного для %1. Додайте область доступу в розділі порталу «Розробникам» і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The portal does not know the method %1. It may be misspelt, need a module the portal lacks, or need a scope this credential does not have.</source>
        <translation>Портал не знає методу %1. Можливо, назву написано з помилкою, метод потребує модуля, якого на порталі немає, або області доступу, якої немає в цих облікових даних.</translation>
    </message>
    <message>
        <source>The portal kept refusing requests as too frequent (rate limit). Another program may be using the same portal heavily; try again in a few minutes.</source>
        <translation>Портал раз у раз відхиляв запити як надто часті (обмеження частоти запитів). Можливо, інша програма інтенсивно використовує той самий портал; спробуйте ще раз за кілька хвилин.</translation>
    </message>
    <message>
        <source>The portal has temporarily blocked the method %1 because it used up its execution time. Try again in a few minutes.</source>
        <translation>Портал тимчасово заблокував метод %1, бо той вичерпав свій ліміт часу виконання. Спробуйте ще раз за кілька хвилин.</translation>
    </message>
    <message>
        <source>The portal reported an internal error while running %1. Try again later.</source>
        <translation>Під час виконання %1 портал повідомив про внутрішню помилку. Спробуйте пізніше.</translation>
    </message>
    <message>
        <source>The portal refused the call %1: %2</source>
        <translation>Портал відхилив виклик %1: %2</translation>
    </message>
    <message>
        <source>The portal refused the call %1.</source>
        <translation>Портал відхилив виклик %1.</translation>
    </message>
    <message>
        <source>The portal redirected the call %1 to another address; its domain may have changed. Check the portal&apos;s address and connect it again.</source>
        <translation>Портал переспрямував виклик %1 на іншу адресу; можливо, його домен змінився. Перевірте адресу порталу й підключіть його ще раз.</translation>
    </message>
    <message>
        <source>The portal&apos;s answer to %1 was not understood (not a valid JSON answer). Check that the address points to a Bitrix24 portal.</source>
        <translation>Не вдалося розібрати відповідь порталу на %1 (це не коректна відповідь JSON). Перевірте, чи адреса вказує на портал Бітрікс24.</translation>
    </message>
    <message>
        <source>The portal did not answer %1 in time (%2 s), even after retrying.</source>
        <translation>Портал не відповів на %1 вчасно (%2 с) навіть після повторних спроб.</translation>
    </message>
    <message>
        <source>Could not connect to the portal: the connection was refused. Check the address and that the portal is up.</source>
        <translation>Не вдалося підключитися до порталу: з&apos;єднання відхилено. Перевірте адресу та чи працює портал.</translation>
    </message>
    <message>
        <source>The connection to the portal was interrupted (reset), even after retrying. Check the network connection.</source>
        <translation>З&apos;єднання з порталом було розірвано (reset) навіть після повторних спроб. Перевірте підключення до мережі.</translation>
    </message>
    <message>
        <source>Could not establish a secure connection to the portal: its certificate was not accepted. Check the address; a network device may be intercepting the connection.</source>
        <translation>Не вдалося встановити захищене з&apos;єднання з порталом: його сертифікат не прийнято. Перевірте адресу; можливо, якийсь мережевий пристрій перехоплює з&apos;єднання.</translation>
    </message>
    <message>
        <source>The portal&apos;s host name could not be found. Check the address and the network connection.</source>
        <translation>Не вдалося знайти ім&apos;я хоста порталу. Перевірте адресу та підключення до мережі.</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>Адресу не вказано.</translation>
    </message>
    <message>
        <source>The address must not contain spaces.</source>
        <translation>Адреса не повинна містити пробілів.</translation>
    </message>
    <message>
        <source>The address is not a valid web address.</source>
        <translation>Адреса не є коректною вебадресою.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>Адреса має починатися з https://.</translation>
    </message>
    <message>
        <source>The address must not contain a user name.</source>
        <translation>Адреса не повинна містити імені користувача.</translation>
    </message>
    <message>
        <source>The address has no valid portal host name.</source>
        <translation>В адресі немає коректного імені хоста порталу.</translation>
    </message>
    <message>
        <source>Plain http:// is refused: a Bitrix24 portal must be reached over https:// so that the credential cannot be intercepted.</source>
        <translation>Незахищений http:// не приймається: до порталу Бітрікс24 слід звертатися через https://, щоб облікові дані не можна було перехопити.</translation>
    </message>
    <message>
        <source>This is not an inbound webhook address. It should look like %1</source>
        <translation>Це не адреса вхідного вебхука. Вона має виглядати так: %1</translation>
    </message>
    <message>
        <source>The webhook address is incomplete: the user id or the secret is missing. It should look like %1</source>
        <translation>Адреса вебхука неповна: бракує ідентифікатора користувача або секрету. Вона має виглядати так: %1</translation>
    </message>
    <message>
        <source>The webhook address must have the user&apos;s number after /rest/ (for example /rest/1/…).</source>
        <translation>В адресі вебхука після /rest/ має стояти номер користувача (наприклад, /rest/1/…).</translation>
    </message>
    <message>
        <source>The webhook secret in the address is not valid: it must be letters and digits only. Copy the address again from the portal.</source>
        <translation>Секрет вебхука в адресі некоректний: він має складатися лише з літер і цифр. Скопіюйте адресу з порталу ще раз.</translation>
    </message>
    <message>
        <source>The webhook address has unexpected parts after the secret. It should look like %1</source>
        <translation>В адресі вебхука після секрету є зайві частини. Вона має виглядати так: %1</translation>
    </message>
</context>
<context>
    <name>PortalService</name>
    <message>
        <source>There is no portal named “%1”.</source>
        <extracomment>Records a portal action in the audit log: (action, portal, details). The application passes ``AuditTrail.record_safely``, which keeps a failed write instead of raising. Retries of a connection check: the person is waiting, and a portal that fails three times in a row is better reported than retried for half a minute.</extracomment>
        <translation>Порталу з назвою «%1» немає.</translation>
    </message>
    <message>
        <source>A portal name must have between 1 and %1 characters.</source>
        <translation>Назва порталу має містити від 1 до %1 символів.</translation>
    </message>
    <message>
        <source>A portal named “%1” already exists. Choose another name or replace it.</source>
        <translation>Портал із назвою «%1» уже існує. Виберіть іншу назву або замініть його.</translation>
    </message>
    <message>
        <source>The keyring holds no usable credential for the portal “%1”. It may have been deleted in the keyring manager; add the portal again.</source>
        <translation>У сховищі паролів немає придатних облікових даних для порталу «%1». Можливо, їх видалено в програмі керування сховищем паролів; додайте портал ще раз.</translation>
    </message>
</context>
<context>
    <name>PortalTexts</name>
    <message>
        <source>Inbound webhook</source>
        <translation>Вхідний вебхук</translation>
    </message>
    <message>
        <source>OAuth application</source>
        <translation>OAuth-застосунок</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>On-premise, no limits</source>
        <translation>Коробкова версія, без обмежень</translation>
    </message>
    <message>
        <source>Custom limits</source>
        <translation>Власні обмеження</translation>
    </message>
    <message>
        <source>Standard (cloud)</source>
        <translation>Стандартний (хмарний)</translation>
    </message>
    <message>
        <source>No scopes</source>
        <translation>Немає областей доступу</translation>
    </message>
    <message>
        <source>Scopes (%1): %2</source>
        <translation>Області доступу (%1): %2</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Перевірка з&apos;єднання…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Підключено як %1</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Не вдалося підключитися: %1</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Ще не перевірено</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
</context>
<context>
    <name>PortalsView</name>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Підключення</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Області доступу</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Configured portals</source>
        <translation>Налаштовані портали</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Дод&amp;ати…</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>Перевірити &amp;з&apos;єднання</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Вида&amp;лити…</translation>
    </message>
    <message>
        <source>Add a portal</source>
        <translation>Додати портал</translation>
    </message>
    <message>
        <source>Check the selected portal&apos;s connection</source>
        <translation>Перевірити з&apos;єднання вибраного порталу</translation>
    </message>
    <message>
        <source>Remove the selected portal</source>
        <translation>Видалити вибраний портал</translation>
    </message>
    <message>
        <source>Remove portal</source>
        <translation>Видалення порталу</translation>
    </message>
    <message>
        <source>Remove the portal “%1”? Its settings and every secret of it are deleted from this computer; the webhook or application in the portal itself is not changed.</source>
        <translation>Видалити портал «%1»? Його налаштування й усі секрети буде видалено з цього комп&apos;ютера; сам вебхук або застосунок на порталі не зміниться.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <extracomment>QProgressBar counts in a C int; larger totals are shown scaled.</extracomment>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Хід виконання</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасування…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 з %2</translation>
    </message>
    <message>
        <source>%1 per second</source>
        <translation>%1 за секунду</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>Залишилося %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 год %2 хв</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 хв %2 с</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
</context>
<context>
    <name>PromptDialog</name>
    <message>
        <source>Privacy Desktop asks</source>
        <translation>Запит від Privacy Desktop</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>The question was not answered in time.</source>
        <extracomment>How often a waiting worker looks at its cancel token, seconds.</extracomment>
        <translation>На запитання не відповіли вчасно.</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>QR code for the authenticator app</source>
        <translation>QR-код для застосунку-автентифікатора</translation>
    </message>
    <message>
        <source>Scan it with the authenticator app, or type the key shown beside it instead.</source>
        <translation>Відскануйте його застосунком-автентифікатором або введіть ключ, показаний поруч.</translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <source>&amp;Reveal</source>
        <extracomment>&quot;Reveal all visible&quot; reveals at most this many rows (one audit entry each). Bumped whenever the drill-down changes, so late answers for an old one are dropped.</extracomment>
        <translation>&amp;Розкрити</translation>
    </message>
    <message>
        <source>Show the values of the selected record</source>
        <translation>Показати значення вибраного запису</translation>
    </message>
    <message>
        <source>Reveal all &amp;visible…</source>
        <translation>Розкрити всі &amp;видимі…</translation>
    </message>
    <message>
        <source>Show the values of every record on the screen (may ask for a code)</source>
        <translation>Показати значення всіх записів на екрані (може знадобитися код)</translation>
    </message>
    <message>
        <source>Records holding the selected data</source>
        <translation>Записи з вибраними даними</translation>
    </message>
    <message>
        <source>Select a field or a kind of data above</source>
        <translation>Виберіть поле або вид даних вище</translation>
    </message>
    <message>
        <source>%1 in %2 — %3</source>
        <translation>%1 у розділі «%2» — %3</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Підрахунок…</translation>
    </message>
    <message>
        <source>%1 of %2 records loaded</source>
        <translation>Завантажено %1 з %2 записів</translation>
    </message>
    <message numerus="yes">
        <source>Enter a code to reveal the values of %n record(s).</source>
        <translation>
            <numerusform>Введіть код, щоб розкрити значення %n запису.</numerusform>
            <numerusform>Введіть код, щоб розкрити значення %n записів.</numerusform>
            <numerusform>Введіть код, щоб розкрити значення %n записів.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsTableModel</name>
    <message>
        <source>ID</source>
        <extracomment>Reads ``limit`` records from ``offset`` (ordered by record id); blocking, runs on a worker. What a row whose page is being read shows. The record of a row (when its page is in memory). Re-reads of dropped pages in flight at most; older ones are cancelled first. Flags of every cell, built once (the enum&apos;s ``|`` is Python code, and Qt asks per paint).</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Значення</translation>
    </message>
</context>
<context>
    <name>RecoveryCodesDialog</name>
    <message>
        <source>New recovery codes</source>
        <translation>Нові коди відновлення</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>RecoveryCodesPanel</name>
    <message>
        <source>These recovery codes are shown only now. Each one works once, in place of a code from the authenticator app, for example if the phone is lost. Keep them somewhere safe and away from this computer: anyone who has them can unlock Privacy Desktop.</source>
        <translation>Ці коди відновлення показано лише зараз. Кожен із них діє один раз замість коду із застосунку-автентифікатора — наприклад, якщо телефон загублено. Зберігайте їх у надійному місці, окремо від цього комп’ютера: будь-хто, хто має ці коди, може розблокувати Privacy Desktop.</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>Коди відновлення</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копіювати</translation>
    </message>
    <message>
        <source>Copy the recovery codes</source>
        <translation>Копіювати коди відновлення</translation>
    </message>
    <message>
        <source>&amp;Save to file…</source>
        <translation>&amp;Зберегти у файл…</translation>
    </message>
    <message>
        <source>Save the recovery codes to a file</source>
        <translation>Зберегти коди відновлення у файл</translation>
    </message>
    <message>
        <source>I have stored the recovery codes safely</source>
        <translation>Коди відновлення збережено в надійному місці</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>The recovery codes were copied to the clipboard.</source>
        <translation>Коди відновлення скопійовано в буфер обміну.</translation>
    </message>
    <message>
        <source>Save the recovery codes</source>
        <translation>Збереження кодів відновлення</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Текстові файли (*.txt)</translation>
    </message>
    <message>
        <source>Privacy Desktop recovery codes, created %1. Each code works once.</source>
        <translation>Коди відновлення Privacy Desktop, створені %1. Кожен код діє лише один раз.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Збережено у %1.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Не вдалося записати файл: %1</translation>
    </message>
</context>
<context>
    <name>Scanning</name>
    <message>
        <source>The portal “%1” is already being scanned, in this window or another program. Wait for that scan to finish.</source>
        <translation>Портал «%1» уже сканується — у цьому вікні або в іншій програмі. Дочекайтеся завершення того сканування.</translation>
    </message>
    <message>
        <source>Reading users</source>
        <extracomment>The rate is measured over this many seconds (recent speed predicts the rest best).</extracomment>
        <translation>Зчитування користувачів</translation>
    </message>
    <message>
        <source>Reading departments</source>
        <translation>Зчитування відділів</translation>
    </message>
    <message>
        <source>Reading contacts</source>
        <translation>Зчитування контактів</translation>
    </message>
    <message>
        <source>Reading leads</source>
        <translation>Зчитування лідів</translation>
    </message>
    <message>
        <source>Reading companies</source>
        <translation>Зчитування компаній</translation>
    </message>
    <message>
        <source>Reading deals</source>
        <translation>Зчитування угод</translation>
    </message>
    <message>
        <source>Reading requisites</source>
        <translation>Зчитування реквізитів</translation>
    </message>
    <message>
        <source>Reading bank details</source>
        <translation>Зчитування банківських реквізитів</translation>
    </message>
    <message>
        <source>Reading activities</source>
        <translation>Зчитування справ</translation>
    </message>
    <message>
        <source>Reading consent agreements</source>
        <translation>Зчитування згод на обробку даних</translation>
    </message>
    <message>
        <source>Looking for deleted users</source>
        <translation>Пошук видалених користувачів</translation>
    </message>
    <message>
        <source>Looking for deleted departments</source>
        <translation>Пошук видалених відділів</translation>
    </message>
    <message>
        <source>Looking for deleted contacts</source>
        <translation>Пошук видалених контактів</translation>
    </message>
    <message>
        <source>Looking for deleted leads</source>
        <translation>Пошук видалених лідів</translation>
    </message>
    <message>
        <source>Looking for deleted companies</source>
        <translation>Пошук видалених компаній</translation>
    </message>
    <message>
        <source>Looking for deleted deals</source>
        <translation>Пошук видалених угод</translation>
    </message>
    <message>
        <source>Looking for deleted requisites</source>
        <translation>Пошук видалених реквізитів</translation>
    </message>
    <message>
        <source>Looking for deleted bank details</source>
        <translation>Пошук видалених банківських реквізитів</translation>
    </message>
    <message>
        <source>Looking for deleted activities</source>
        <translation>Пошук видалених справ</translation>
    </message>
    <message>
        <source>Looking for deleted consent agreements</source>
        <translation>Пошук видалених згод на обробку даних</translation>
    </message>
    <message>
        <source>Connecting to the portal</source>
        <translation>Підключення до порталу</translation>
    </message>
    <message>
        <source>Counting the personal data</source>
        <translation>Підрахунок персональних даних</translation>
    </message>
</context>
<context>
    <name>Scopes</name>
    <message>
        <source>Tasks: descriptions, comments, checklists, participants, time spent, files</source>
        <extracomment>Kinds ``user_brief`` leaves out of user records (no contact data, REST-REFERENCE §4.1). Sensitivity assumed for free-form content: it may hold anything, so not the lowest.</extracomment>
        <translation>Завдання: описи, коментарі, чек-листи, учасники, витрачений час, файли</translation>
    </message>
    <message>
        <source>Workgroups and projects and their members</source>
        <translation>Робочі групи, проєкти та їхні учасники</translation>
    </message>
    <message>
        <source>Document generator: documents filled with clients&apos; details and requisites</source>
        <translation>Генератор документів: документи, заповнені даними й реквізитами клієнтів</translation>
    </message>
    <message>
        <source>Open Channels: dialogs with customers, their messenger identities, transcripts</source>
        <translation>Відкриті лінії: діалоги з клієнтами, їхні облікові записи в месенджерах, історія діалогів</translation>
    </message>
    <message>
        <source>Always granted: the current user&apos;s name, gender and photo; batch calls</source>
        <translation>Надається завжди: ім’я, стать і фото поточного користувача; пакетні виклики (batch)</translation>
    </message>
    <message>
        <source>Employees&apos; full profiles, contact details and sign-in times; editing</source>
        <translation>Повні профілі працівників, контактні дані й час входу; редагування</translation>
    </message>
    <message>
        <source>Employees&apos; names and contact details, read only</source>
        <translation>Імена й контактні дані працівників, лише для читання</translation>
    </message>
    <message>
        <source>Employees&apos; names, photos, birthdays and positions, without contact data</source>
        <translation>Імена, фото, дні народження й посади працівників, без контактних даних</translation>
    </message>
    <message>
        <source>Definitions of employees&apos; custom fields (not their values)</source>
        <translation>Опис користувацьких полів працівників (без їхніх значень)</translation>
    </message>
    <message>
        <source>Company structure: departments and their heads</source>
        <translation>Структура компанії: відділи та їхні керівники</translation>
    </message>
    <message>
        <source>Company structure: departments, teams, members and roles</source>
        <translation>Структура компанії: відділи, команди, учасники й ролі</translation>
    </message>
    <message>
        <source>Mapping of employees to an external HR system</source>
        <translation>Зіставлення працівників із зовнішньою HR-системою</translation>
    </message>
    <message>
        <source>CRM: contacts, leads, companies, deals, requisites, bank details, activities, quotes, invoices and timeline; reading, changing and deleting</source>
        <translation>CRM: контакти, ліди, компанії, угоди, реквізити, банківські реквізити, справи, комерційні пропозиції, рахунки й таймлайн; читання, зміна й видалення</translation>
    </message>
    <message>
        <source>Consent agreements; recording a person&apos;s consent</source>
        <translation>Згоди на обробку даних; фіксація згоди особи</translation>
    </message>
    <message>
        <source>Tasks in the mobile app (interface only)</source>
        <translation>Завдання в мобільному застосунку (лише інтерфейс)</translation>
    </message>
    <message>
        <source>Chats, messages, notifications, user statuses</source>
        <translation>Чати, повідомлення, сповіщення, статуси користувачів</translation>
    </message>
    <message>
        <source>Importing chat history from other systems</source>
        <translation>Імпорт історії чатів з інших систем</translation>
    </message>
    <message>
        <source>Chat bots and the chats and messages they see</source>
        <translation>Чат-боти, а також чати й повідомлення, які вони бачать</translation>
    </message>
    <message>
        <source>Open Channel connectors: messages to and from customers</source>
        <translation>Конектори відкритих ліній: повідомлення клієнтам і від клієнтів</translation>
    </message>
    <message>
        <source>Sending notifications to users</source>
        <translation>Надсилання сповіщень користувачам</translation>
    </message>
    <message>
        <source>Comments (forum) under records and posts</source>
        <translation>Коментарі (форум) до записів і публікацій</translation>
    </message>
    <message>
        <source>News feed posts, comments and their recipients</source>
        <translation>Публікації в стрічці новин, коментарі та їхні одержувачі</translation>
    </message>
    <message>
        <source>Likes and ratings: who liked what</source>
        <translation>Лайки й оцінки: хто що вподобав</translation>
    </message>
    <message>
        <source>Polls and votes, and who voted</source>
        <translation>Опитування й голоси, а також хто голосував</translation>
    </message>
    <message>
        <source>Telephony: call records with numbers, durations, recordings, transcripts</source>
        <translation>Телефонія: відомості про дзвінки з номерами й тривалістю, записи розмов, розшифровки</translation>
    </message>
    <message>
        <source>Automated information calls to phone numbers</source>
        <translation>Автоматичні інформаційні дзвінки на номери телефонів</translation>
    </message>
    <message>
        <source>Calendars: events, attendees, availability</source>
        <translation>Календарі: події, учасники, зайнятість</translation>
    </message>
    <message>
        <source>Calendar in the mobile app</source>
        <translation>Календар у мобільному застосунку</translation>
    </message>
    <message>
        <source>Drive: personal, company and group files and folders</source>
        <translation>Диск: особисті файли й папки, а також файли й папки компанії та груп</translation>
    </message>
    <message>
        <source>Time tracking: work days with IP addresses and locations</source>
        <translation>Облік робочого часу: робочі дні з IP-адресами й місцезнаходженням</translation>
    </message>
    <message>
        <source>Event log: sign-ins, IP addresses, browsers, requests</source>
        <translation>Журнал подій: входи, IP-адреси, браузери, запити</translation>
    </message>
    <message>
        <source>Mailboxes and messages the user can access</source>
        <translation>Поштові скриньки й листи, доступні користувачеві</translation>
    </message>
    <message>
        <source>Mail service (SMTP/IMAP) settings</source>
        <translation>Налаштування поштового сервісу (SMTP/IMAP)</translation>
    </message>
    <message>
        <source>SMS and message providers: recipients&apos; numbers and texts</source>
        <translation>Провайдери SMS і повідомлень: номери одержувачів і тексти</translation>
    </message>
    <message>
        <source>Online store: orders, buyers&apos; details, payments, shipments</source>
        <translation>Інтернет-магазин: замовлення, дані покупців, оплати, відвантаження</translation>
    </message>
    <message>
        <source>Deliveries: recipients and addresses</source>
        <translation>Доставки: одержувачі й адреси</translation>
    </message>
    <message>
        <source>Payment systems and the payments passed to them</source>
        <translation>Платіжні системи та передані їм платежі</translation>
    </message>
    <message>
        <source>Cash registers and receipts sent to buyers</source>
        <translation>Каси й чеки, надіслані покупцям</translation>
    </message>
    <message>
        <source>Sales in chats: payment links for clients</source>
        <translation>Продажі в чатах: посилання на оплату для клієнтів</translation>
    </message>
    <message>
        <source>Product catalogue, prices and stock</source>
        <translation>Каталог товарів, ціни й залишки</translation>
    </message>
    <message>
        <source>Product catalogue in the mobile app</source>
        <translation>Каталог товарів у мобільному застосунку</translation>
    </message>
    <message>
        <source>Online booking: bookings, resources and clients</source>
        <translation>Онлайн-запис: бронювання, ресурси й клієнти</translation>
    </message>
    <message>
        <source>Universal lists and their items</source>
        <translation>Універсальні списки та їхні елементи</translation>
    </message>
    <message>
        <source>Information blocks and their elements</source>
        <translation>Інформаційні блоки та їхні елементи</translation>
    </message>
    <message>
        <source>The application&apos;s own data storage</source>
        <translation>Власне сховище даних застосунку</translation>
    </message>
    <message>
        <source>Workflows and automation rules with their documents</source>
        <translation>Бізнес-процеси й правила автоматизації з їхніми документами</translation>
    </message>
    <message>
        <source>Business automation processes and their items</source>
        <translation>Процеси автоматизації бізнесу та їхні елементи</translation>
    </message>
    <message>
        <source>E-signature of HR documents: documents and signers</source>
        <translation>Електронний підпис кадрових документів: документи й підписанти</translation>
    </message>
    <message>
        <source>BI analytics connector: data sources and datasets</source>
        <translation>Конектор BI-аналітики: джерела даних і набори даних</translation>
    </message>
    <message>
        <source>Knowledge base documents</source>
        <translation>Документи бази знань</translation>
    </message>
    <message>
        <source>Registering an AI service that receives users&apos; requests</source>
        <translation>Реєстрація сервісу ШІ, який отримує запити користувачів</translation>
    </message>
    <message>
        <source>Sites and their pages</source>
        <translation>Сайти та їхні сторінки</translation>
    </message>
    <message>
        <source>Site templates repository</source>
        <translation>Репозиторій шаблонів сайтів</translation>
    </message>
    <message>
        <source>Embedding widgets into the portal&apos;s pages</source>
        <translation>Вбудовування віджетів у сторінки порталу</translation>
    </message>
    <message>
        <source>Menu items in the portal&apos;s interface</source>
        <translation>Пункти меню в інтерфейсі порталу</translation>
    </message>
    <message>
        <source>An item in the contact centre</source>
        <translation>Елемент у контакт-центрі</translation>
    </message>
    <message>
        <source>Mobile app interface</source>
        <translation>Інтерфейс мобільного застосунку</translation>
    </message>
    <message>
        <source>Push and pull messages to the application</source>
        <translation>Push- і pull-повідомлення для застосунку</translation>
    </message>
    <message>
        <source>System push channel of updates</source>
        <translation>Системний push-канал оновлень</translation>
    </message>
    <message>
        <source>Custom field settings</source>
        <translation>Налаштування користувацьких полів</translation>
    </message>
    <message>
        <source>Emoji sets</source>
        <translation>Набори емодзі</translation>
    </message>
    <message>
        <source>Application forms in the interface</source>
        <translation>Форми застосунку в інтерфейсі</translation>
    </message>
    <message>
        <source>Hosting of the application&apos;s back end</source>
        <translation>Хостинг серверної частини застосунку</translation>
    </message>
    <message>
        <source>Importing industry solutions (portal configuration)</source>
        <translation>Імпорт галузевих рішень (конфігурація порталу)</translation>
    </message>
    <message>
        <source>REST service methods</source>
        <translation>Службові методи REST</translation>
    </message>
    <message>
        <source>Scope %1 reaches employees: %n</source>
        <extracomment>&quot;Scope crm reaches contacts: 48213&quot; — one text per entity so each is translated whole (the kinds are named by the GUI from KIND_NAMES beside it).</extracomment>
        <translation>Область доступу %1 охоплює працівників: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches departments: %n</source>
        <translation>Область доступу %1 охоплює відділи: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches contacts: %n</source>
        <translation>Область доступу %1 охоплює контакти: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches leads: %n</source>
        <translation>Область доступу %1 охоплює ліди: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches companies: %n</source>
        <translation>Область доступу %1 охоплює компанії: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches deals: %n</source>
        <translation>Область доступу %1 охоплює угоди: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches requisites: %n</source>
        <translation>Область доступу %1 охоплює реквізити: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches bank details: %n</source>
        <translation>Область доступу %1 охоплює банківські реквізити: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches activities: %n</source>
        <translation>Область доступу %1 охоплює справи: %n</translation>
    </message>
    <message>
        <source>Scope %1 reaches consent agreements: %n</source>
        <translation>Область доступу %1 охоплює згоди на обробку даних: %n</translation>
    </message>
    <message>
        <source>Scope %1 also reaches personal data the inventory does not count</source>
        <translation>Область доступу %1 охоплює також персональні дані, не враховані в переліку персональних даних</translation>
    </message>
    <message>
        <source>Scope %1 is not known to this version; treat it as reaching personal data</source>
        <translation>Область доступу %1 невідома цій версії програми; вважайте, що вона охоплює персональні дані</translation>
    </message>
</context>
<context>
    <name>SecretLineEdit</name>
    <message>
        <source>Show the secret</source>
        <translation>Показати секрет</translation>
    </message>
    <message>
        <source>Show or hide the secret part</source>
        <translation>Показати або приховати секретну частину</translation>
    </message>
</context>
<context>
    <name>SecurityService</name>
    <message>
        <source>This action needs two-step verification. Enter the code your authenticator app shows, or one of your recovery codes.</source>
        <extracomment>The idle time-out a person may choose (minutes). &quot;Never&quot; is not offered: with nothing to lock the session, a forgotten unlocked desktop would expose the whole portal.</extracomment>
        <translation>Ця дія потребує двоетапної перевірки. Введіть код, який показує ваш застосунок-автентифікатор, або один зі своїх кодів відновлення.</translation>
    </message>
    <message>
        <source>The automatic lock must come after between %1 and %2 minutes of inactivity.</source>
        <translation>Час до автоматичного блокування має становити від %1 до %2 хвилин бездіяльності.</translation>
    </message>
    <message>
        <source>The audit log could not be exported to the chosen file. Check that the folder exists, that you may write to it and that the disk has room.</source>
        <translation>Не вдалося експортувати журнал аудиту у вибраний файл. Перевірте, чи існує папка, чи маєте ви право записувати в неї і чи достатньо місця на диску.</translation>
    </message>
</context>
<context>
    <name>SecuritySettings</name>
    <message>
        <source>&amp;Set up…</source>
        <translation>&amp;Налаштувати…</translation>
    </message>
    <message>
        <source>Set up two-step verification</source>
        <translation>Налаштувати двоетапну перевірку</translation>
    </message>
    <message>
        <source>Turn &amp;off…</source>
        <translation>&amp;Вимкнути…</translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation>Вимкнути двоетапну перевірку</translation>
    </message>
    <message>
        <source>&amp;New recovery codes…</source>
        <translation>Нові &amp;коди відновлення…</translation>
    </message>
    <message>
        <source>Make new recovery codes</source>
        <translation>Створити нові коди відновлення</translation>
    </message>
    <message>
        <source>&amp;Lock after this many idle minutes:</source>
        <translation>&amp;Блокувати після стількох хвилин бездіяльності:</translation>
    </message>
    <message>
        <source>Minutes without activity before locking</source>
        <translation>Хвилини бездіяльності до блокування</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Застосувати</translation>
    </message>
    <message>
        <source>Apply the idle lock time</source>
        <translation>Застосувати час блокування через бездіяльність</translation>
    </message>
    <message>
        <source>Two-step verification status</source>
        <translation>Стан двоетапної перевірки</translation>
    </message>
    <message>
        <source>Recovery codes left</source>
        <translation>Залишок кодів відновлення</translation>
    </message>
    <message>
        <source>Lock-out</source>
        <translation>Тимчасове блокування</translation>
    </message>
    <message>
        <source>Tampering warning</source>
        <translation>Попередження про втручання</translation>
    </message>
    <message>
        <source>Audit key fingerprint</source>
        <translation>Відбиток ключа аудиту</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Two-step verification: looking it up…</source>
        <translation>Двоетапна перевірка: визначається…</translation>
    </message>
    <message>
        <source>Two-step verification: on</source>
        <translation>Двоетапна перевірка: увімкнено</translation>
    </message>
    <message>
        <source>Two-step verification: off</source>
        <translation>Двоетапна перевірка: вимкнено</translation>
    </message>
    <message numerus="yes">
        <source>%n recovery code(s) left.</source>
        <translation>
            <numerusform>Залишився %n код відновлення.</numerusform>
            <numerusform>Залишилося %n коди відновлення.</numerusform>
            <numerusform>Залишилося %n кодів відновлення.</numerusform>
        </translation>
    </message>
    <message>
        <source>After too many wrong codes, codes are refused until %1.</source>
        <translation>Після забагатьох неправильних кодів коди не прийматимуться до %1.</translation>
    </message>
    <message>
        <source>The two-step verification record was changed or removed outside Privacy Desktop. The event is in the audit log.</source>
        <translation>Дані двоетапної перевірки змінено або видалено поза Privacy Desktop. Цю подію зафіксовано в журналі аудиту.</translation>
    </message>
    <message>
        <source>Audit signing key: looking it up…</source>
        <translation>Ключ підпису журналу аудиту: визначається…</translation>
    </message>
    <message>
        <source>Audit signing key fingerprint: %1</source>
        <translation>Відбиток ключа підпису журналу аудиту: %1</translation>
    </message>
    <message>
        <source>Turning two-step verification off needs a code from your authenticator app (or a recovery code).</source>
        <translation>Щоб вимкнути двоетапну перевірку, потрібен код із застосунку-автентифікатора (або код відновлення).</translation>
    </message>
    <message>
        <source>Turned off.</source>
        <translation>Вимкнено.</translation>
    </message>
    <message>
        <source>New recovery codes replace the old ones, which stop working. Enter a code to confirm.</source>
        <translation>Нові коди відновлення замінять старі, які перестануть діяти. Введіть код для підтвердження.</translation>
    </message>
    <message>
        <source>Changing the idle lock time is a security setting: enter a code.</source>
        <translation>Зміна часу блокування через бездіяльність — це налаштування безпеки: введіть код.</translation>
    </message>
    <message numerus="yes">
        <source>The session now locks after %n idle minute(s).</source>
        <translation>
            <numerusform>Тепер сеанс блокується після %n хвилини бездіяльності.</numerusform>
            <numerusform>Тепер сеанс блокується після %n хвилин бездіяльності.</numerusform>
            <numerusform>Тепер сеанс блокується після %n хвилин бездіяльності.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file %1 is damaged and could not be read. A copy was kept at %2. Fix or delete the file, or reset the settings.</source>
        <translation>Файл налаштувань %1 пошкоджено, і його не вдалося прочитати. Копію збережено в %2. Виправте або видаліть файл чи скиньте налаштування.</translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer version of Privacy Desktop (format %2). Update the application to use it.</source>
        <translation>Файл налаштувань %1 створено новішою версією Privacy Desktop (формат %2). Оновіть програму, щоб використовувати його.</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1. The previous file is kept.</source>
        <translation>Не вдалося зберегти налаштування в %1. Попередній файл залишено без змін.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <extracomment>Each language is offered under its own name, so it can be found whatever is shown now.</extracomment>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Мова інтерфейсу:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Мова інтерфейсу</translation>
    </message>
    <message>
        <source>Portals</source>
        <translation>Портали</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Безпека</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Сховище паролів</translation>
    </message>
    <message>
        <source>Webhook secrets, OAuth tokens and client secrets are kept only in the operating system&apos;s keyring, never in a file of this application.</source>
        <translation>Секрети вебхуків, токени OAuth і секрети клієнтів зберігаються лише в сховищі паролів операційної системи й ніколи — у файлах цієї програми.</translation>
    </message>
    <message>
        <source>Keyring in use: looking it up…</source>
        <translation>Сховище паролів: визначається…</translation>
    </message>
    <message>
        <source>Keyring in use: %1</source>
        <translation>Сховище паролів: %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Settings cannot be read</source>
        <extracomment>How long ``--self-test`` lets the event loop run before it closes the window. Seconds the pools get to finish after the window closed (tasks are cancelled first).</extracomment>
        <translation>Не вдається прочитати налаштування</translation>
    </message>
    <message>
        <source>Reset the settings</source>
        <translation>Скинути налаштування</translation>
    </message>
    <message>
        <source>Generating the demo portal…</source>
        <translation>Створення демопорталу…</translation>
    </message>
    <message>
        <source>Demo portal</source>
        <translation>Демопортал</translation>
    </message>
    <message>
        <source>The demo portal is running at %1</source>
        <translation>Демопортал працює за адресою %1</translation>
    </message>
    <message>
        <source>The demo portal could not start: %1</source>
        <translation>Не вдалося запустити демопортал: %1</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The encryption library SQLCipher (Python package sqlcipher3) is not available, so the inventory cannot be stored: personal data is never written to disk unencrypted. Install sqlcipher3 and start again.</source>
        <translation>Бібліотека шифрування SQLCipher (пакет Python sqlcipher3) недоступна, тому перелік персональних даних неможливо зберегти: персональні дані ніколи не записуються на диск незашифрованими. Встановіть sqlcipher3 і запустіть програму знову.</translation>
    </message>
    <message>
        <source>The inventory database %1 cannot be opened: the key in the system keyring does not match it, or the file is damaged. If the keyring entry was deleted or replaced, the old inventory cannot be read any more; move the file away and scan again.</source>
        <translation>Не вдається відкрити базу даних переліку персональних даних %1: ключ у системному сховищі паролів їй не відповідає або файл пошкоджено. Якщо запис у сховищі паролів видалено чи замінено, старий перелік більше не можна прочитати; перемістіть файл в інше місце й виконайте сканування знову.</translation>
    </message>
    <message>
        <source>The inventory database %1 was written by a newer version of Privacy Desktop. Install that version (or newer) to open it; this version leaves the file untouched.</source>
        <translation>Базу даних переліку персональних даних %1 створено новішою версією Privacy Desktop. Щоб відкрити її, встановіть ту версію (або новішу); ця версія залишає файл без змін.</translation>
    </message>
    <message>
        <source>The disk holding the inventory database is full. Free some space and try again; the scan resumes where it stopped.</source>
        <translation>Диск, на якому зберігається база даних переліку персональних даних, заповнено. Звільніть місце й спробуйте ще раз; сканування продовжиться з того місця, де зупинилося.</translation>
    </message>
    <message>
        <source>The inventory database is locked by another program or another window of Privacy Desktop. Close it and try again.</source>
        <translation>База даних переліку персональних даних заблокована іншою програмою або іншим вікном Privacy Desktop. Закрийте їх і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The inventory database cannot be read or written (a damaged file, a failing disk or missing permissions). See the log for details.</source>
        <translation>Не вдається прочитати або записати базу даних переліку персональних даних (пошкоджений файл, несправний диск або брак прав доступу). Подробиці див. у журналі роботи програми.</translation>
    </message>
    <message>
        <source>An internal error occurred in the inventory database.</source>
        <translation>У базі даних переліку персональних даних сталася внутрішня помилка.</translation>
    </message>
    <message>
        <source>The key of the inventory database %1 is missing from the system keyring, so the inventory cannot be read. Restore the keyring entry, or move the file away and scan again.</source>
        <translation>Ключа бази даних переліку персональних даних %1 немає в системному сховищі паролів, тому перелік неможливо прочитати. Відновіть запис у сховищі паролів або перемістіть файл в інше місце й виконайте сканування знову.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>An unexpected error occurred. The details were written to the log file; please report the problem.</source>
        <translation>Сталася неочікувана помилка. Подробиці записано у файл журналу; повідомте, будь ласка, про проблему.</translation>
    </message>
</context>
<context>
    <name>TwoFactor</name>
    <message>
        <source>Two-step verification is not set up.</source>
        <translation>Двоетапну перевірку не налаштовано.</translation>
    </message>
    <message>
        <source>Two-step verification is already set up. Turn it off first to set it up with a new authenticator.</source>
        <translation>Двоетапну перевірку вже налаштовано. Щоб налаштувати її з новим автентифікатором, спочатку вимкніть її.</translation>
    </message>
    <message>
        <source>The code is not valid. After too many wrong codes, verification is locked: try again in %n second(s).</source>
        <translation>Код неправильний. Після забагатьох неправильних кодів перевірку заблоковано: спробуйте ще раз через %n с.</translation>
    </message>
    <message>
        <source>The code is not valid. Check that the authenticator shows the code for Privacy Desktop and that the computer&apos;s clock is right.</source>
        <translation>Код неправильний. Перевірте, чи автентифікатор показує код саме для Privacy Desktop і чи правильно налаштовано годинник комп&apos;ютера.</translation>
    </message>
    <message>
        <source>This code has already been used. Wait for the authenticator to show the next code.</source>
        <translation>Цей код уже використано. Зачекайте, доки автентифікатор покаже наступний код.</translation>
    </message>
    <message>
        <source>The two-step verification record was changed or removed outside Privacy Desktop. As a precaution verification is locked: try again in %n second(s).</source>
        <translation>Дані двоетапної перевірки змінено або видалено поза Privacy Desktop. Із міркувань безпеки перевірку заблоковано: спробуйте ще раз через %n с.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Try again in %n second(s).</source>
        <translation>Забагато неправильних кодів. Спробуйте ще раз через %n с.</translation>
    </message>
    <message>
        <source>The two-step verification secret is missing from the keyring. Enter one of your recovery codes instead, then set up two-step verification again.</source>
        <translation>У сховищі паролів немає секрету двоетапної перевірки. Натомість введіть один зі своїх кодів відновлення, а потім налаштуйте двоетапну перевірку заново.</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>No secure keyring is available, and Privacy Desktop never stores secrets in a plain file.
Linux: install and start GNOME Keyring (gnome-keyring) or KWallet and unlock it. On a machine without a desktop session, run the program under dbus-run-session and unlock gnome-keyring first, for example: dbus-run-session -- sh -c &apos;gnome-keyring-daemon --unlock --components=secrets; privacy-desktop&apos;.
macOS: the login Keychain is used; make sure it exists and is unlocked.
Windows: the Windows Credential Manager is used; make sure the Credential Manager service is running.
The environment variable PYTHON_KEYRING_BACKEND can select a backend explicitly.</source>
        <extracomment>Backend modules that keep secrets in a file under the home directory instead of a keyring the operating system protects. The scope of the profile&apos;s own secrets (TOTP, audit key, store key). Their kinds (``SecuritySecret`` values) differ from every ``SecretKind``, so even a portal called &quot;/profile&quot; could not collide with them.</extracomment>
        <translation>Немає доступного захищеного сховища паролів, а Privacy Desktop ніколи не зберігає секрети у звичайному файлі.
Linux: встановіть і запустіть GNOME Keyring (gnome-keyring) або KWallet і розблокуйте сховище. На комп&apos;ютері без графічного сеансу запустіть програму через dbus-run-session, попередньо розблокувавши gnome-keyring, наприклад: dbus-run-session -- sh -c &apos;gnome-keyring-daemon --unlock --components=secrets; privacy-desktop&apos;.
macOS: використовується зв&apos;язка ключів «вхід» (login) у «Зв&apos;язці ключів»; переконайтеся, що вона існує й розблокована.
Windows: використовується «Диспетчер облікових даних» Windows; переконайтеся, що службу «Диспетчер облікових даних» запущено.
Змінна середовища PYTHON_KEYRING_BACKEND дає змогу явно вибрати модуль сховища паролів.</translation>
    </message>
    <message>
        <source>The keyring is locked. Unlock it (log in again or open the keyring manager) and retry.</source>
        <translation>Сховище паролів заблоковано. Розблокуйте його (увійдіть у систему ще раз або відкрийте програму керування сховищем паролів) і спробуйте знову.</translation>
    </message>
    <message>
        <source>The keyring could not store the secret. Retry; if it keeps failing, restart the keyring service.</source>
        <extracomment>What failed, per operation (whole sentences, so that each translates as a whole).</extracomment>
        <translation>Сховищу паролів не вдалося зберегти секрет. Спробуйте ще раз; якщо помилка повторюється, перезапустіть службу сховища паролів.</translation>
    </message>
    <message>
        <source>The keyring could not read the secret. Retry; if it keeps failing, restart the keyring service.</source>
        <translation>Сховищу паролів не вдалося прочитати секрет. Спробуйте ще раз; якщо помилка повторюється, перезапустіть службу сховища паролів.</translation>
    </message>
    <message>
        <source>The keyring could not delete the secret. Retry; if it keeps failing, restart the keyring service.</source>
        <translation>Сховищу паролів не вдалося видалити секрет. Спробуйте ще раз; якщо помилка повторюється, перезапустіть службу сховища паролів.</translation>
    </message>
</context>
<context>
    <name>WindowLocker</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокувати</translation>
    </message>
    <message>
        <source>Lock Privacy Desktop (Ctrl+L)</source>
        <translation>Заблокувати Privacy Desktop (Ctrl+L)</translation>
    </message>
</context>
</TS>
