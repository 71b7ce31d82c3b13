// The LMS (LTI 1.3) section's words (<mm-lti-admin>, the admin console's "LMS" tab), in the LTI
// part with the panel, so the admin console's own bundle does not carry them. A step of an LMS's
// guide may name the tool's values as {login}, {launch}, {deepLink} and {jwks}: the panel shows
// each as the URL itself (as text, never as markup). Dynamic registration takes a link made for
// the program (the panel's "Make a registration link"), not a fixed URL.
import { catalogue, panelWords } from './panel.js';
import { plural } from './plural.js';

/** The LMSs the guide covers, in the order it shows them. */
export const LMS_GUIDES = ['moodle', 'canvas', 'blackboard', 'brightspace', 'openedx'] as const;
export type LmsGuide = (typeof LMS_GUIDES)[number];

/** The tool's values, in the order the panel lists them. */
export const TOOL_VALUES = ['loginUrl', 'launchUrl', 'deepLinkUrl', 'jwksUrl'] as const;
export type ToolValue = (typeof TOOL_VALUES)[number];

/** The platform's fields the form asks for (by the API's names). */
export const PLATFORM_FIELDS = [
  'name',
  'issuer',
  'clientId',
  'deploymentIds',
  'authLoginUrl',
  'authTokenUrl',
  'jwksUrl',
  'publicJwks',
] as const;
export type PlatformField = (typeof PLATFORM_FIELDS)[number];

interface Guide {
  name: string;
  steps: string[];
}

const en = {
  ...panelWords.en,
  heading: 'LMS (LTI 1.3)',
  intro:
    'Let Moodle, Canvas, Blackboard, D2L Brightspace or Open edX courses add the program as an external tool: learners arrive signed in, in their course, and instructors can pick a topic for each placement.',
  toolHeading: 'Values to paste into your LMS',
  toolIntro:
    'The same for every LMS. Register the tool in your LMS first, then add the LMS here with what it shows you.',
  tool: {
    loginUrl: 'Login URL (OpenID Connect initiation)',
    launchUrl: 'Launch / redirect URL (also the target link URI)',
    deepLinkUrl: 'Deep Linking URL (content selection)',
    jwksUrl: 'Tool public key set URL (JWKS)',
  } satisfies Record<ToolValue, string>,
  copy: (what: string) => `Copy ${what}`,
  copyShort: 'Copy',
  copied: (what: string) => `Copied: ${what}.`,
  copyFailed: 'Could not copy: select the value and copy it by hand.',
  regLabel: 'Dynamic registration link',
  regIntro:
    'For an LMS that registers the tool by itself (Moodle 4.x, Brightspace): a link for this program, valid one hour. Give it only to the LMS’s administrator.',
  regMake: 'Make a registration link',
  regUntil: (time: string) => `Works until ${time}, then make a new one.`,
  platformsHeading: 'Registered LMSs',
  empty: 'No LMS yet: add the first one below.',
  deployments: 'Deployment ids',
  keys: 'Keys',
  keysUrl: (url: string) => `Key set URL: ${url}`,
  keysPasted: (n: number) =>
    plural('en', n, { one: 'Pasted key set (# key)', other: 'Pasted key set (# keys)' }),
  edit: (name: string) => `Edit ${name}`,
  editShort: 'Edit',
  remove: (name: string) => `Remove ${name}`,
  removeShort: 'Remove',
  confirmRemove: (name: string) =>
    `Remove ${name}? Launches from it are refused from now on, in every course that uses it.`,
  confirmYes: 'Remove this LMS',
  confirmNo: 'Keep it',
  removed: (name: string) => `${name} removed.`,
  addHeading: 'Add an LMS',
  editHeading: (name: string) => `Edit ${name}`,
  fields: {
    name: 'Name (for you)',
    issuer: 'Issuer (platform id)',
    clientId: 'Client id',
    deploymentIds: 'Deployment ids (one per line)',
    authLoginUrl: 'Authorization (OIDC auth) URL',
    authTokenUrl: 'Access token URL',
    jwksUrl: 'Key set URL',
    publicJwks: 'Public key set (JSON)',
  } satisfies Record<PlatformField, string>,
  hints: {
    issuer: 'Exactly as the LMS sends it, e.g. https://moodle.example.edu or https://canvas.instructure.com.',
    deploymentIds: 'A launch from any other deployment is refused.',
    publicJwks:
      'Paste the platform’s RSA public keys as a JWK set: {"keys": [{"kty": "RSA", "n": "…", "e": "AQAB"}]}.',
  },
  keyChoice: 'The platform’s keys',
  keyByUrl: 'A key set URL',
  keyPasted: 'Pasted keys',
  notJson: 'This is not a JSON key set: it must look like {"keys": [...]}.',
  save: 'Save',
  add: 'Add this LMS',
  cancel: 'Cancel',
  saved: (name: string) => `${name} saved.`,
  added: (name: string) => `${name} added. Each launch from it now finds this program.`,
  invalid: 'Some fields need fixing: see the messages under them.',
  guideHeading: 'Step by step, per LMS',
  guideNote:
    'Menu names are those of recent versions and can differ slightly in yours (and with your language or theme).',
  guides: {
    moodle: {
      name: 'Moodle 4.x',
      steps: [
        'Site administration › Plugins › Activity modules › External tool › Manage tools.',
        'Quickest: make a registration link above, paste it into “Tool URL” and choose “Add LTI Advantage” (dynamic registration): Moodle and the program exchange everything, nothing to add here.',
        'Or “Configure a tool manually”: Tool URL {launch}; LTI version “LTI 1.3”; Public key type “Keyset URL”; Public keyset {jwks}; Initiate login URL {login}; Redirection URI(s) {launch}; tick “Supports Deep Linking (Content-Item Message)” with Content Selection URL {deepLink}.',
        'Under Privacy, share the launcher’s name and email if learners should arrive with them. Save.',
        'Open the tool’s “View configuration details”: Platform ID is the issuer, then Client ID, Deployment ID, Public keyset URL, Access token URL and Authentication request URL. Add them here.',
      ],
    },
    canvas: {
      name: 'Canvas',
      steps: [
        'Admin › (your account) › Developer Keys › + Developer Key › + LTI Key.',
        'Method “Manual Entry”: Redirect URIs {launch}; Target Link URI {launch}; OpenID Connect Initiation Url {login}; JWK Method “Public JWK URL” with {jwks}. Add the placements you want (e.g. Link Selection, with Deep Linking). Save and turn the key ON.',
        'The client id is the number shown in the key’s Details column. The issuer is https://canvas.instructure.com (https://canvas.test.instructure.com on test, https://canvas.beta.instructure.com on beta instances).',
        'Settings › Apps › View App Configurations › + App › Configuration Type “By Client ID”, paste the client id.',
        'The deployment id is in the app’s settings menu › Deployment Id. Authorization URL https://sso.canvaslms.com/api/lti/authorize_redirect, token URL https://sso.canvaslms.com/login/oauth2/token and key set URL https://sso.canvaslms.com/api/lti/security/jwks (older instances: the same paths on canvas.instructure.com).',
      ],
    },
    blackboard: {
      name: 'Blackboard Learn',
      steps: [
        'Register the tool once in the Anthology Developer Portal (developer.anthology.com, formerly developer.blackboard.com): tick “My Integration supports LTI 1.3”; Login Initiation URL {login}; Tool Redirect URL(s) {launch}; Tool JWKS URL {jwks}; Signing Algorithm RS256.',
        'The portal shows the Application ID (the client id), the issuer https://blackboard.com, the public keyset URL, the auth token endpoint and the OIDC auth request endpoint.',
        'In Learn: System Admin › Integrations › LTI Tool Providers › Register LTI 1.3/Advantage Tool, enter the client id and submit.',
        'Edit the tool in LTI Tool Providers to see its Deployment ID. Add everything here.',
      ],
    },
    brightspace: {
      name: 'D2L Brightspace',
      steps: [
        'Admin Tools › Manage Extensibility › LTI Advantage › Register Tool. Dynamic registration: paste a registration link made above. Standard: Domain (the program’s address); Redirect URLs {launch}; OpenID Connect Login URL {login}; Target Link URI {launch}; Keyset URL {jwks}; tick Deep Linking and Names and Role Provisioning Services.',
        'After saving, Brightspace shows the Client Id, Brightspace Keyset URL, Brightspace OAuth2 Access Token URL, OpenID Connect Authentication Endpoint and Issuer.',
        'View Deployments › New Deployment for the org units that may use it: the Deployment Id appears once saved. Add everything here.',
      ],
    },
    openedx: {
      name: 'Open edX',
      steps: [
        'In Studio, in the course: Settings › Advanced Settings › Advanced Module List, add "lti_consumer" and save.',
        'Add a component: Advanced › LTI Consumer. Edit it: LTI Version “LTI 1.3”; Tool Launch URL {launch}; Tool Initiate Login URL {login}; Tool Public Key Mode “Keyset URL” with Tool Keyset URL {jwks}; for Deep Linking, enable it with Deep Linking Launch URL {deepLink}.',
        'Save: the component shows its LTI 1.3 launch information — Client ID, Deployment ID, Keyset URL, Access Token URL and Login URL. The issuer is the LMS’s base URL (e.g. https://courses.example.org). Add them here.',
      ],
    },
  } satisfies Record<LmsGuide, Guide>,
};

export type LtiAdminMessages = typeof en;

const es: LtiAdminMessages = {
  ...panelWords.es,
  heading: 'LMS (LTI 1.3)',
  intro:
    'Permite que los cursos de Moodle, Canvas, Blackboard, D2L Brightspace u Open edX añadan el programa como herramienta externa: los estudiantes llegan con su sesión iniciada, en su curso, y el profesorado puede elegir un tema para cada ubicación.',
  toolHeading: 'Valores para pegar en tu LMS',
  toolIntro:
    'Son los mismos para cualquier LMS. Registra primero la herramienta en tu LMS y después añade aquí el LMS con los datos que te muestre.',
  tool: {
    loginUrl: 'URL de inicio de sesión (inicio OpenID Connect)',
    launchUrl: 'URL de lanzamiento / redirección (también el target link URI)',
    deepLinkUrl: 'URL de Deep Linking (selección de contenido)',
    jwksUrl: 'URL del conjunto de claves públicas de la herramienta (JWKS)',
  },
  copy: (what: string) => `Copiar ${what}`,
  copyShort: 'Copiar',
  copied: (what: string) => `Copiado: ${what}.`,
  copyFailed: 'No se pudo copiar: selecciona el valor y cópialo a mano.',
  regLabel: 'Enlace de registro dinámico',
  regIntro:
    'Para un LMS que registra la herramienta por sí solo (Moodle 4.x, Brightspace): un enlace para este programa, válido una hora. Dáselo solo a quien administra el LMS.',
  regMake: 'Crear un enlace de registro',
  regUntil: (time: string) => `Funciona hasta las ${time}; después, crea otro.`,
  platformsHeading: 'LMS registrados',
  empty: 'Aún no hay ningún LMS: añade el primero más abajo.',
  deployments: 'Ids de despliegue',
  keys: 'Claves',
  keysUrl: (url: string) => `URL del conjunto de claves: ${url}`,
  keysPasted: (n: number) =>
    plural('es', n, { one: 'Claves pegadas (# clave)', other: 'Claves pegadas (# claves)' }),
  edit: (name: string) => `Editar ${name}`,
  editShort: 'Editar',
  remove: (name: string) => `Quitar ${name}`,
  removeShort: 'Quitar',
  confirmRemove: (name: string) =>
    `¿Quitar ${name}? A partir de ahora se rechazarán sus lanzamientos, en todos los cursos que lo usen.`,
  confirmYes: 'Quitar este LMS',
  confirmNo: 'Mantenerlo',
  removed: (name: string) => `${name} quitado.`,
  addHeading: 'Añadir un LMS',
  editHeading: (name: string) => `Editar ${name}`,
  fields: {
    name: 'Nombre (para ti)',
    issuer: 'Emisor (id de la plataforma)',
    clientId: 'Id de cliente',
    deploymentIds: 'Ids de despliegue (uno por línea)',
    authLoginUrl: 'URL de autorización (OIDC)',
    authTokenUrl: 'URL del token de acceso',
    jwksUrl: 'URL del conjunto de claves',
    publicJwks: 'Conjunto de claves públicas (JSON)',
  },
  hints: {
    issuer:
      'Exactamente como lo envía el LMS, p. ej. https://moodle.example.edu o https://canvas.instructure.com.',
    deploymentIds: 'Se rechaza cualquier lanzamiento desde otro despliegue.',
    publicJwks:
      'Pega las claves públicas RSA de la plataforma como un conjunto JWK: {"keys": [{"kty": "RSA", "n": "…", "e": "AQAB"}]}.',
  },
  keyChoice: 'Las claves de la plataforma',
  keyByUrl: 'Una URL de conjunto de claves',
  keyPasted: 'Claves pegadas',
  notJson: 'Esto no es un conjunto de claves JSON: debe tener la forma {"keys": [...]}.',
  save: 'Guardar',
  add: 'Añadir este LMS',
  cancel: 'Cancelar',
  saved: (name: string) => `${name} guardado.`,
  added: (name: string) => `${name} añadido. Cada lanzamiento desde él encuentra ahora este programa.`,
  invalid: 'Algunos campos necesitan corrección: mira los mensajes debajo de ellos.',
  guideHeading: 'Paso a paso, por LMS',
  guideNote:
    'Los nombres de los menús son los de las versiones recientes y pueden variar un poco en la tuya (y según el idioma o el tema).',
  guides: {
    moodle: {
      name: 'Moodle 4.x',
      steps: [
        'Administración del sitio › Extensiones › Módulos de actividad › Herramienta externa › Gestionar herramientas.',
        'Lo más rápido: crea un enlace de registro arriba, pégalo en «URL de la herramienta» y elige «Añadir LTI Advantage» (registro dinámico): Moodle y el programa intercambian todo, no hay nada que añadir aquí.',
        'O «Configurar una herramienta manualmente»: URL de la herramienta {launch}; versión LTI «LTI 1.3»; tipo de clave pública «URL del conjunto de claves»; conjunto de claves públicas {jwks}; URL de inicio de sesión {login}; URI de redirección {launch}; marca «Admite Deep Linking» con la URL de selección de contenido {deepLink}.',
        'En Privacidad, comparte el nombre y el correo de quien lanza si los estudiantes deben llegar con ellos. Guarda.',
        'Abre «Ver detalles de configuración» de la herramienta: el ID de la plataforma es el emisor; luego el ID de cliente, el ID de despliegue, la URL del conjunto de claves públicas, la URL del token de acceso y la URL de solicitud de autenticación. Añádelos aquí.',
      ],
    },
    canvas: {
      name: 'Canvas',
      steps: [
        'Administrador › (tu cuenta) › Claves de desarrollador › + Clave de desarrollador › + Clave LTI.',
        'Método «Entrada manual»: URI de redirección {launch}; Target Link URI {launch}; URL de inicio OpenID Connect {login}; método JWK «URL de JWK público» con {jwks}. Añade las ubicaciones que quieras (p. ej. Link Selection, con Deep Linking). Guarda y activa la clave (ON).',
        'El id de cliente es el número de la columna Detalles de la clave. El emisor es https://canvas.instructure.com (https://canvas.test.instructure.com en test, https://canvas.beta.instructure.com en beta).',
        'Configuración › Aplicaciones › Ver configuraciones de aplicaciones › + Aplicación › tipo de configuración «Por ID de cliente», pega el id de cliente.',
        'El id de despliegue está en el menú de configuración de la aplicación › Deployment Id. URL de autorización https://sso.canvaslms.com/api/lti/authorize_redirect, URL del token https://sso.canvaslms.com/login/oauth2/token y URL de claves https://sso.canvaslms.com/api/lti/security/jwks (instancias antiguas: las mismas rutas en canvas.instructure.com).',
      ],
    },
    blackboard: {
      name: 'Blackboard Learn',
      steps: [
        'Registra la herramienta una vez en el Anthology Developer Portal (developer.anthology.com, antes developer.blackboard.com): marca «My Integration supports LTI 1.3»; Login Initiation URL {login}; Tool Redirect URL(s) {launch}; Tool JWKS URL {jwks}; Signing Algorithm RS256.',
        'El portal muestra el Application ID (el id de cliente), el emisor https://blackboard.com, la URL del conjunto de claves públicas, el endpoint del token y el endpoint de autenticación OIDC.',
        'En Learn: Administrador del sistema › Integraciones › Proveedores de herramientas LTI › Registrar herramienta LTI 1.3/Advantage, introduce el id de cliente y envía.',
        'Edita la herramienta en Proveedores de herramientas LTI para ver su Deployment ID. Añade todo aquí.',
      ],
    },
    brightspace: {
      name: 'D2L Brightspace',
      steps: [
        'Herramientas de administración › Gestionar extensibilidad › LTI Advantage › Registrar herramienta. Registro dinámico: pega un enlace de registro creado arriba. Estándar: Dominio (la dirección del programa); URL de redirección {launch}; URL de inicio OpenID Connect {login}; Target Link URI {launch}; URL del conjunto de claves {jwks}; marca Deep Linking y Names and Role Provisioning Services.',
        'Al guardar, Brightspace muestra el Client Id, la Brightspace Keyset URL, la Brightspace OAuth2 Access Token URL, el OpenID Connect Authentication Endpoint y el Issuer.',
        'Ver despliegues › Nuevo despliegue para las unidades organizativas que puedan usarla: el Deployment Id aparece al guardar. Añade todo aquí.',
      ],
    },
    openedx: {
      name: 'Open edX',
      steps: [
        'En Studio, en el curso: Configuración › Configuración avanzada › Advanced Module List, añade "lti_consumer" y guarda.',
        'Añade un componente: Avanzado › LTI Consumer. Edítalo: LTI Version «LTI 1.3»; Tool Launch URL {launch}; Tool Initiate Login URL {login}; Tool Public Key Mode «Keyset URL» con Tool Keyset URL {jwks}; para Deep Linking, actívalo con Deep Linking Launch URL {deepLink}.',
        'Guarda: el componente muestra su información de lanzamiento LTI 1.3 — Client ID, Deployment ID, Keyset URL, Access Token URL y Login URL. El emisor es la URL base del LMS (p. ej. https://courses.example.org). Añádelos aquí.',
      ],
    },
  },
};

const fr: LtiAdminMessages = {
  ...panelWords.fr,
  heading: 'LMS (LTI 1.3)',
  intro:
    'Permettez aux cours Moodle, Canvas, Blackboard, D2L Brightspace ou Open edX d’ajouter le programme comme outil externe : les apprenants arrivent connectés, dans leur cours, et les enseignants peuvent choisir un sujet pour chaque emplacement.',
  toolHeading: 'Valeurs à coller dans votre LMS',
  toolIntro:
    'Les mêmes pour tous les LMS. Enregistrez d’abord l’outil dans votre LMS, puis ajoutez ici le LMS avec ce qu’il vous affiche.',
  tool: {
    loginUrl: 'URL de connexion (initiation OpenID Connect)',
    launchUrl: 'URL de lancement / redirection (aussi le target link URI)',
    deepLinkUrl: 'URL de Deep Linking (sélection de contenu)',
    jwksUrl: 'URL du jeu de clés publiques de l’outil (JWKS)',
  },
  copy: (what: string) => `Copier ${what}`,
  copyShort: 'Copier',
  copied: (what: string) => `Copié : ${what}.`,
  copyFailed: 'Copie impossible : sélectionnez la valeur et copiez-la à la main.',
  regLabel: 'Lien d’enregistrement dynamique',
  regIntro:
    'Pour un LMS qui enregistre l’outil lui-même (Moodle 4.x, Brightspace) : un lien pour ce programme, valable une heure. Ne le donnez qu’à l’administrateur du LMS.',
  regMake: 'Créer un lien d’enregistrement',
  regUntil: (time: string) => `Valable jusqu’à ${time}, ensuite créez-en un autre.`,
  platformsHeading: 'LMS enregistrés',
  empty: 'Aucun LMS pour l’instant : ajoutez le premier ci-dessous.',
  deployments: 'Identifiants de déploiement',
  keys: 'Clés',
  keysUrl: (url: string) => `URL du jeu de clés : ${url}`,
  keysPasted: (n: number) => plural('fr', n, { one: 'Clés collées (# clé)', other: 'Clés collées (# clés)' }),
  edit: (name: string) => `Modifier ${name}`,
  editShort: 'Modifier',
  remove: (name: string) => `Retirer ${name}`,
  removeShort: 'Retirer',
  confirmRemove: (name: string) =>
    `Retirer ${name} ? Ses lancements seront refusés désormais, dans tous les cours qui l’utilisent.`,
  confirmYes: 'Retirer ce LMS',
  confirmNo: 'Le garder',
  removed: (name: string) => `${name} retiré.`,
  addHeading: 'Ajouter un LMS',
  editHeading: (name: string) => `Modifier ${name}`,
  fields: {
    name: 'Nom (pour vous)',
    issuer: 'Émetteur (identifiant de la plateforme)',
    clientId: 'Identifiant client',
    deploymentIds: 'Identifiants de déploiement (un par ligne)',
    authLoginUrl: 'URL d’autorisation (OIDC)',
    authTokenUrl: 'URL du jeton d’accès',
    jwksUrl: 'URL du jeu de clés',
    publicJwks: 'Jeu de clés publiques (JSON)',
  },
  hints: {
    issuer:
      'Exactement tel que le LMS l’envoie, p. ex. https://moodle.example.edu ou https://canvas.instructure.com.',
    deploymentIds: 'Un lancement depuis tout autre déploiement est refusé.',
    publicJwks:
      'Collez les clés publiques RSA de la plateforme sous forme de jeu JWK : {"keys": [{"kty": "RSA", "n": "…", "e": "AQAB"}]}.',
  },
  keyChoice: 'Les clés de la plateforme',
  keyByUrl: 'Une URL de jeu de clés',
  keyPasted: 'Clés collées',
  notJson: 'Ce n’est pas un jeu de clés JSON : il doit avoir la forme {"keys": [...]}.',
  save: 'Enregistrer',
  add: 'Ajouter ce LMS',
  cancel: 'Annuler',
  saved: (name: string) => `${name} enregistré.`,
  added: (name: string) => `${name} ajouté. Chaque lancement depuis ce LMS trouve désormais ce programme.`,
  invalid: 'Certains champs sont à corriger : voyez les messages sous chacun.',
  guideHeading: 'Pas à pas, par LMS',
  guideNote:
    'Les noms de menus sont ceux des versions récentes et peuvent différer un peu dans la vôtre (et selon la langue ou le thème).',
  guides: {
    moodle: {
      name: 'Moodle 4.x',
      steps: [
        'Administration du site › Plugins › Modules d’activité › Outil externe › Gérer les outils.',
        'Le plus rapide : créez un lien d’enregistrement ci-dessus, collez-le dans « URL de l’outil » et choisissez « Ajouter LTI Advantage » (enregistrement dynamique) : Moodle et le programme échangent tout, rien à ajouter ici.',
        'Ou « Configurer un outil manuellement » : URL de l’outil {launch} ; version LTI « LTI 1.3 » ; type de clé publique « URL du jeu de clés » ; jeu de clés publiques {jwks} ; URL d’initiation de connexion {login} ; URI de redirection {launch} ; cochez « Prend en charge le Deep Linking » avec l’URL de sélection de contenu {deepLink}.',
        'Sous Confidentialité, partagez le nom et l’adresse de la personne qui lance si les apprenants doivent arriver avec. Enregistrez.',
        'Ouvrez « Afficher les détails de configuration » de l’outil : l’ID de plateforme est l’émetteur, puis l’ID client, l’ID de déploiement, l’URL du jeu de clés publiques, l’URL du jeton d’accès et l’URL de demande d’authentification. Ajoutez-les ici.',
      ],
    },
    canvas: {
      name: 'Canvas',
      steps: [
        'Administrateur › (votre compte) › Clés de développeur › + Clé de développeur › + Clé LTI.',
        'Méthode « Saisie manuelle » : URI de redirection {launch} ; Target Link URI {launch} ; URL d’initiation OpenID Connect {login} ; méthode JWK « URL JWK publique » avec {jwks}. Ajoutez les emplacements voulus (p. ex. Link Selection, avec Deep Linking). Enregistrez et activez la clé (ON).',
        'L’identifiant client est le nombre affiché dans la colonne Détails de la clé. L’émetteur est https://canvas.instructure.com (https://canvas.test.instructure.com en test, https://canvas.beta.instructure.com en bêta).',
        'Paramètres › Applications › Voir les configurations d’applications › + Application › type de configuration « Par ID client », collez l’identifiant client.',
        'L’identifiant de déploiement est dans le menu des paramètres de l’application › Deployment Id. URL d’autorisation https://sso.canvaslms.com/api/lti/authorize_redirect, URL du jeton https://sso.canvaslms.com/login/oauth2/token et URL des clés https://sso.canvaslms.com/api/lti/security/jwks (instances anciennes : les mêmes chemins sur canvas.instructure.com).',
      ],
    },
    blackboard: {
      name: 'Blackboard Learn',
      steps: [
        'Enregistrez l’outil une fois dans l’Anthology Developer Portal (developer.anthology.com, anciennement developer.blackboard.com) : cochez « My Integration supports LTI 1.3 » ; Login Initiation URL {login} ; Tool Redirect URL(s) {launch} ; Tool JWKS URL {jwks} ; Signing Algorithm RS256.',
        'Le portail affiche l’Application ID (l’identifiant client), l’émetteur https://blackboard.com, l’URL du jeu de clés publiques, le point d’accès du jeton et celui de l’authentification OIDC.',
        'Dans Learn : Administrateur système › Intégrations › Fournisseurs d’outils LTI › Enregistrer un outil LTI 1.3/Advantage, saisissez l’identifiant client et validez.',
        'Modifiez l’outil dans Fournisseurs d’outils LTI pour voir son Deployment ID. Ajoutez le tout ici.',
      ],
    },
    brightspace: {
      name: 'D2L Brightspace',
      steps: [
        'Outils d’administration › Gérer l’extensibilité › LTI Advantage › Enregistrer un outil. Enregistrement dynamique : collez un lien d’enregistrement créé ci-dessus. Standard : Domaine (l’adresse du programme) ; URL de redirection {launch} ; URL de connexion OpenID Connect {login} ; Target Link URI {launch} ; URL du jeu de clés {jwks} ; cochez Deep Linking et Names and Role Provisioning Services.',
        'À l’enregistrement, Brightspace affiche le Client Id, la Brightspace Keyset URL, la Brightspace OAuth2 Access Token URL, l’OpenID Connect Authentication Endpoint et l’Issuer.',
        'Voir les déploiements › Nouveau déploiement pour les unités organisationnelles qui peuvent l’utiliser : le Deployment Id apparaît une fois enregistré. Ajoutez le tout ici.',
      ],
    },
    openedx: {
      name: 'Open edX',
      steps: [
        'Dans Studio, dans le cours : Paramètres › Paramètres avancés › Advanced Module List, ajoutez "lti_consumer" et enregistrez.',
        'Ajoutez un composant : Avancé › LTI Consumer. Modifiez-le : LTI Version « LTI 1.3 » ; Tool Launch URL {launch} ; Tool Initiate Login URL {login} ; Tool Public Key Mode « Keyset URL » avec Tool Keyset URL {jwks} ; pour le Deep Linking, activez-le avec Deep Linking Launch URL {deepLink}.',
        'Enregistrez : le composant affiche ses informations de lancement LTI 1.3 — Client ID, Deployment ID, Keyset URL, Access Token URL et Login URL. L’émetteur est l’URL de base du LMS (p. ex. https://courses.example.org). Ajoutez-les ici.',
      ],
    },
  },
};

export const ltiAdminMessages = catalogue({ en, es, fr });
