// Preloaded by run.sh (node --require) so that Portkey's gateway listens on 127.0.0.1 only: its
// start-server passes just a port, which Node would otherwise bind on every interface.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number') {
    if (args.length > 1 && args[1] == null) {
      args[1] = '127.0.0.1';
    } else if (typeof args[1] !== 'string') {
      args.splice(1, 0, '127.0.0.1');
    }
  } else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && !args[0].host) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
