const moment = require("moment");

export const Clock = () => <span>{moment().format("HH:mm")}</span>;
