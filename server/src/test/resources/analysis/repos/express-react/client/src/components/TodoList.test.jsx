import { render } from '@testing-library/react';
import TodoList from './TodoList';

test('renders', () => {
  global.fetch = jest.fn(() => fetch('/api/test-only'));
  render(<TodoList />);
});
