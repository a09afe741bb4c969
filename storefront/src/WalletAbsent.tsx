/** Without a wallet the shop cannot learn or change where wallet orders stand; it shows what the wallet last said. */
export function WalletAbsent() {
  return (
    <p class="card notice" role="status" data-testid="wallet-absent">
      No wallet answered on this page, so the states below are the last ones the wallet reported. Install or enable the wallet extension to
      see where these orders stand now.
    </p>
  );
}
