/**
 * One JSON-frame connection to the server over WebSocket, with a SockJS
 * fallback for networks whose proxies block WebSockets.
 * @module transport
 */

const SOCKJS_SCRIPT = '/webjars/sockjs-client/1.6.1/dist/sockjs.min.js';
const OPEN_TIMEOUT_MS = 8000;
const PREFERENCE_KEY = 'crossboard.transport';

// Once WebSocket failed where SockJS worked, stay on SockJS for this session
// (sessionStorage: this tab, reloads included; memory where storage is off).
let preferredInMemory = false;
let sockJsLoading = null;

/**
 * Whether this session goes straight to SockJS.
 * @returns {boolean}
 */
export function prefersSockJS() {
  try {
    return preferredInMemory || sessionStorage.getItem(PREFERENCE_KEY) === 'sockjs';
  } catch {
    return preferredInMemory;
  }
}

/** Remembers for this session that WebSocket does not work here: later connections use SockJS. */
export function rememberSockJS() {
  preferredInMemory = true;
  try {
    sessionStorage.setItem(PREFERENCE_KEY, 'sockjs');
  } catch { /* storage off: this page only */ }
}

/**
 * Loads the SockJS client from the webjar on first use.
 * @returns {Promise<Function>} the SockJS constructor
 */
export function loadSockJS() {
  if (window.SockJS) return Promise.resolve(window.SockJS);
  if (!sockJsLoading) {
    sockJsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = SOCKJS_SCRIPT;
      script.async = true;
      script.onload = () => (window.SockJS ? resolve(window.SockJS) : reject(new Error('SockJS missing')));
      script.onerror = () => {
        sockJsLoading = null;
        script.remove();
        reject(new Error('SockJS script failed to load'));
      };
      document.head.append(script);
    });
  }
  return sockJsLoading;
}

// The board id rides in the URL (not a secret) so a load balancer can keep a board on one node.
function boardQuery(board) {
  return board ? `?board=${encodeURIComponent(board)}` : '';
}

function webSocketUrl(board) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws${boardQuery(board)}`;
}

/**
 * @typedef {object} Connection
 * @property {string} kind "websocket" or "sockjs"
 * @property {(message: object) => boolean} send sends one JSON frame
 * @property {(code?: number, reason?: string) => void} close closes quietly
 */

/**
 * Opens a connection. Handlers are called at most once for open and close;
 * onClose also reports failures to open (wasOpen false). After close() is
 * called by the owner no handler fires again.
 * @param {object} handlers
 * @param {(conn: Connection) => void} handlers.onOpen
 * @param {(message: object) => void} handlers.onMessage
 * @param {(code: number, reason: string, wasOpen: boolean) => void} handlers.onClose
 * @param {object} [options]
 * @param {boolean} [options.forceSockJS] skip WebSocket entirely
 * @param {string} [options.board] board id, added to the URL for load-balancer affinity
 * @returns {Connection}
 */
export function openConnection(handlers, options = {}) {
  let done = false;
  let socket = null;
  const conn = {
    kind: null,
    send(message) {
      if (done || !socket || socket.readyState !== 1) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    close(code = 1000, reason = '') {
      if (done) return;
      done = true;
      if (socket) {
        try { socket.close(code, reason); } catch { /* already closing */ }
      }
    },
  };

  const finish = (code, reason, wasOpen) => {
    if (done) return;
    done = true;
    handlers.onClose(code, reason || '', wasOpen);
  };

  // Wires a socket-like object (WebSocket and SockJS share this surface).
  const attach = (sock, kind, onFailToOpen) => {
    socket = sock;
    let opened = false;
    const timer = setTimeout(() => {
      if (opened || done) return;
      sock.onopen = sock.onclose = sock.onmessage = null;
      try { sock.close(); } catch { /* never opened */ }
      onFailToOpen();
    }, OPEN_TIMEOUT_MS);
    sock.onopen = () => {
      clearTimeout(timer);
      if (done) return;
      opened = true;
      conn.kind = kind;
      handlers.onOpen(conn);
    };
    sock.onmessage = (event) => {
      if (done) return;
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      if (message && typeof message === 'object') handlers.onMessage(message);
    };
    sock.onclose = (event) => {
      clearTimeout(timer);
      if (done) return;
      if (!opened) onFailToOpen(event);
      else finish(event.code, event.reason, true);
    };
  };

  const trySockJS = () => {
    loadSockJS().then((SockJS) => {
      if (done) return;
      attach(new SockJS(`/sockjs${boardQuery(options.board)}`), 'sockjs', (event) => finish(event?.code ?? 1006, 'unreachable', false));
    }, () => finish(1006, 'unreachable', false));
  };

  const tryWebSocket = () => {
    let ws;
    try {
      ws = new WebSocket(webSocketUrl(options.board));
    } catch {
      trySockJS();
      return;
    }
    attach(ws, 'websocket', () => {
      if (done) return;
      trySockJS();
    });
  };

  if (options.forceSockJS || prefersSockJS()) {
    trySockJS();
  } else {
    const original = handlers.onOpen;
    handlers = {
      ...handlers,
      onOpen(c) {
        if (c.kind === 'sockjs') rememberSockJS();
        original(c);
      },
    };
    tryWebSocket();
  }
  return conn;
}
