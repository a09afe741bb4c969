import { DATABASE_NAME, WalletSchema } from './db-schema';
import { keptTotals } from './wallet/totals/kept-totals';

export { DATABASE_NAME } from './db-schema';

/** The wallet's database as the background (and a test) opens it to write: every write keeps the totals counted from it. */
export class WalletDatabase extends WalletSchema {
  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.use(keptTotals);
  }
}
