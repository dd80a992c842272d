// SDEverywhere's compile calls XLSX.set_fs(fs); the CommonJS build reads files itself, so a no-op is enough.
const xlsx = require('xlsx-registry');
module.exports = { ...xlsx, set_fs() {} };
