/**
 * Strings of the account page, per language; i18n.js merges them into its tables.
 * @module i18n-settings
 */

export const SETTINGS_STRINGS = {
  en: {
    serverAuditHeading: 'Server audit log', serverAuditIntro: 'As this server\'s administrator you can read its log of sign-ups, sign-ins and failed sign-ins.', serverAuditEntries: '{n} entries',
    account: 'Account', accountHeading: 'Your account', changePasswordHeading: 'Change password',
    currentPasswordLabel: 'Current password', newPasswordLabel: 'New password',
    repeatPasswordLabel: 'New password again', changePassword: 'Change password',
    passwordChanged: 'Password changed. Your other sessions were signed out.',
    passwordsDiffer: 'The new passwords differ.', sessionsHeading: 'Sessions',
    signOutEverywhereIntro: 'Lost a device? Sign out on every browser at once; open boards close there too.',
    signOutEverywhere: 'Sign out everywhere', detailEmail: 'Email', detailName: 'Name',
    detailOrg: 'Organisation', detailCountry: 'Country', detailAdmin: 'Server administrator',
  },
  fr: {
    serverAuditHeading: 'Journal d’audit du serveur', serverAuditIntro: 'En tant qu’administrateur·rice de ce serveur, vous pouvez lire son journal des inscriptions, connexions et échecs de connexion.', serverAuditEntries: '{n} entrées',
    account: 'Compte', accountHeading: 'Votre compte', changePasswordHeading: 'Changer de mot de passe',
    currentPasswordLabel: 'Mot de passe actuel', newPasswordLabel: 'Nouveau mot de passe',
    repeatPasswordLabel: 'Nouveau mot de passe (encore)', changePassword: 'Changer le mot de passe',
    passwordChanged: 'Mot de passe changé. Vos autres sessions ont été déconnectées.',
    passwordsDiffer: 'Les nouveaux mots de passe diffèrent.', sessionsHeading: 'Sessions',
    signOutEverywhereIntro: 'Appareil perdu ? Déconnectez-vous partout à la fois ; les tableaux ouverts s’y ferment aussi.',
    signOutEverywhere: 'Se déconnecter partout', detailEmail: 'E-mail', detailName: 'Nom',
    detailOrg: 'Organisation', detailCountry: 'Pays', detailAdmin: 'Administrateur·rice du serveur',
  },
  de: {
    serverAuditHeading: 'Audit-Protokoll des Servers', serverAuditIntro: 'Als Administration dieses Servers lesen Sie sein Protokoll der Registrierungen, Anmeldungen und fehlgeschlagenen Anmeldungen.', serverAuditEntries: '{n} Einträge',
    account: 'Konto', accountHeading: 'Ihr Konto', changePasswordHeading: 'Passwort ändern',
    currentPasswordLabel: 'Aktuelles Passwort', newPasswordLabel: 'Neues Passwort',
    repeatPasswordLabel: 'Neues Passwort wiederholen', changePassword: 'Passwort ändern',
    passwordChanged: 'Passwort geändert. Ihre anderen Sitzungen wurden abgemeldet.',
    passwordsDiffer: 'Die neuen Passwörter stimmen nicht überein.', sessionsHeading: 'Sitzungen',
    signOutEverywhereIntro: 'Gerät verloren? Überall auf einmal abmelden; offene Boards schließen sich dort auch.',
    signOutEverywhere: 'Überall abmelden', detailEmail: 'E-Mail', detailName: 'Name',
    detailOrg: 'Organisation', detailCountry: 'Land', detailAdmin: 'Server-Administration',
  },
  es: {
    serverAuditHeading: 'Registro de auditoría del servidor', serverAuditIntro: 'Como administración de este servidor puedes leer su registro de altas, inicios de sesión e intentos fallidos.', serverAuditEntries: '{n} entradas',
    account: 'Cuenta', accountHeading: 'Tu cuenta', changePasswordHeading: 'Cambiar la contraseña',
    currentPasswordLabel: 'Contraseña actual', newPasswordLabel: 'Contraseña nueva',
    repeatPasswordLabel: 'Repite la contraseña nueva', changePassword: 'Cambiar la contraseña',
    passwordChanged: 'Contraseña cambiada. Se cerraron tus otras sesiones.',
    passwordsDiffer: 'Las contraseñas nuevas no coinciden.', sessionsHeading: 'Sesiones',
    signOutEverywhereIntro: '¿Perdiste un dispositivo? Cierra sesión en todos los navegadores; los tableros abiertos también se cierran.',
    signOutEverywhere: 'Cerrar sesión en todas partes', detailEmail: 'Correo', detailName: 'Nombre',
    detailOrg: 'Organización', detailCountry: 'País', detailAdmin: 'Administración del servidor',
  },
  et: {
    serverAuditHeading: 'Serveri auditilogi', serverAuditIntro: 'Serveri administraatorina näed selle logi registreerumistest, sisselogimistest ja ebaõnnestunud sisselogimistest.', serverAuditEntries: '{n} kirjet',
    account: 'Konto', accountHeading: 'Sinu konto', changePasswordHeading: 'Muuda parooli',
    currentPasswordLabel: 'Praegune parool', newPasswordLabel: 'Uus parool',
    repeatPasswordLabel: 'Uus parool uuesti', changePassword: 'Muuda parooli',
    passwordChanged: 'Parool on muudetud. Sinu teised seansid logiti välja.',
    passwordsDiffer: 'Uued paroolid ei ühti.', sessionsHeading: 'Seansid',
    signOutEverywhereIntro: 'Seade kadunud? Logi korraga välja kõigist brauseritest; avatud tahvlid suletakse ka seal.',
    signOutEverywhere: 'Logi välja kõikjalt', detailEmail: 'E-post', detailName: 'Nimi',
    detailOrg: 'Organisatsioon', detailCountry: 'Riik', detailAdmin: 'Serveri administraator',
  },
};
