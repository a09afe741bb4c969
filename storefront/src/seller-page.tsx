import { mountPage, SHOP_NAME } from './Layout';
import { useOrders } from './orders';
import { SellerOrder } from './SellerOrder';
import { useWalletSync } from './wallet-sync';
import { WalletAbsent } from './WalletAbsent';

/**
 * The merchant's side of the demo, on the shop's own origin: the wallet accepts merchant actions
 * only from the origin that was paid, which it takes from the browser.
 */
function SellerConsole() {
  const orders = useOrders().filter((order) => order.method === 'wallet');
  const { presence, failures } = useWalletSync();
  return (
    <>
      <h1>Seller console</h1>
      <p class="muted lead">
        {SHOP_NAME}'s orders paid with the wallet. Ship, refund or resolve a dispute here: the wallet accepts these only from this shop's
        origin, {window.location.origin}.
      </p>
      {presence === 'absent' && orders.length > 0 && <WalletAbsent />}
      {orders.length === 0 ? (
        <section class="card empty">
          <p>No orders have been paid with the wallet yet.</p>
        </section>
      ) : (
        <ul class="orders">
          {orders.map((order) => (
            <SellerOrder key={order.id} order={order} presence={presence} failure={failures[order.id]} />
          ))}
        </ul>
      )}
    </>
  );
}

mountPage('seller', <SellerConsole />);
