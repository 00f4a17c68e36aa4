import { NamedItemPage } from './NamedItemPage';

export default function SectorsPage() {
  return <NamedItemPage title="界别" noun="界别" endpoint="/api/sectors" resource="sector" />;
}
