import { BuyerOrder } from './BuyerOrder';
import { mountPage } from './Layout';
import { useOrders } from './orders';
import { useWalletSync } from './wallet-sync';
import { WalletAbsent } from './WalletAbsent';

function OrdersPage() {
  const orders = useOrders();
  const { presence, failures } = useWalletSync();
  return (
    <>
      <h1>Your orders</h1>
      {orders.length === 0 ? (
        <section class="card empty">
          <p>You have not ordered anything yet.</p>
          <p>
            <a href="./index.html">Browse the products</a>
          </p>
        </section>
      ) : (
        <>
          {presence === 'absent' && orders.some((order) => order.method === 'wallet') && <WalletAbsent />}
          <ul class="orders">
            {orders.map((order) => (
              <BuyerOrder key={order.id} order={order} presence={presence} failure={failures[order.id]} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

mountPage('orders', <OrdersPage />);
